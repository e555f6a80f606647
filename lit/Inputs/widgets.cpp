// C++ input shared by the C++ tests and the identical-object test.
struct Widget {
  int size;
  double weight;
  void attach(int *slot);
  int measure(const int *scale) const;
};

void observe(const Widget &w);
extern int *attached;

void Widget::attach(int *slot) { attached = slot; }

int Widget::measure(const int *scale) const { return size * *scale; }

int build(int n) {
  Widget w{n, 1.5};
  observe(w);
  return w.size;
}

template <typename T> T twice(T value) {
  T copy = value;
  observe(*reinterpret_cast<const Widget *>(&copy));
  return copy;
}

Widget twice_widget(Widget w) { return twice(w); }
