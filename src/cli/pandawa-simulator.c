/* placeholder: replaced by the gateway work */
int main (void) { return 1; }
