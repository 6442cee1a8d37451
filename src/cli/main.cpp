#include "cli/app.hpp"

int main(int argc, char** argv) { return readaloud::cli::run(argc, argv); }
