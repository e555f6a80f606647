// Defines what four.cpp calls in a loop without seeing its definition.
int weigh(const int *w) { return *w * 2; }
