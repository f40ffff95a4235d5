/* Prints the words libiberty's expandargv (gcc's and GNU ld's @file
   reader) makes of its arguments, each ended by a NUL. Built by tests that
   compare cuwrap's reading of @files with the real one. */
#include <libiberty/libiberty.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  expandargv(&argc, &argv);
  for (int i = 1; i < argc; i++)
    fwrite(argv[i], 1, strlen(argv[i]) + 1, stdout);
  return 0;
}
