#include "narrate/script.hpp"

namespace readaloud {

const char* to_string(Role role) {
  switch (role) {
    case Role::Heading: return "heading";
    case Role::Narration: return "narration";
    case Role::Announcement: return "announcement";
    case Role::Warning: return "warning";
  }
  return "?";
}

}  // namespace readaloud
