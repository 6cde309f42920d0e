//! Item 9: the command line.
