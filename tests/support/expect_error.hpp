#pragma once
// Shared by the stage tests: run something that must throw readaloud::Error.

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace readaloud::testing_support {

/// Runs `f`, expects a readaloud::Error, and returns it (or fails the test).
template <typename F>
Error error_from(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no readaloud::Error thrown";
  return Error(ErrorKind::Runtime, "no error thrown");
}

}  // namespace readaloud::testing_support
