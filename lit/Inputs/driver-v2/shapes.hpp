// A header seen by two translation units: its remarks are reported once.
void sink(int *p);
static inline int helper(int n) {
  int x = n;
  sink(&x);
  return x;
}
namespace geo {
struct Box {
  int v;
  int area() const;
};
} // namespace geo
