// The EPUB container through libzip: a zip written by hand is how readers
// end up rejecting books (data descriptors, extra fields before mimetype).
#include <zip.h>

#include <ctime>
#include <memory>

#include "publish/epub.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw_runtime("cannot write the EPUB: " + what, {path.string()});
}

std::string zip_message(zip_t* z) { return zip_strerror(z); }

time_t member_time(const std::string& modified) {
  std::tm tm{};
  if (!strptime(modified.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 315532800;  // 1980-01-01, zip's epoch
  return timegm(&tm);
}

void add(zip_t* z, const std::filesystem::path& path, const std::string& name, zip_source_t* source, bool store,
         time_t when) {
  if (!source) fail(path, zip_message(z));
  const zip_int64_t index = zip_file_add(z, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(source);
    fail(path, zip_message(z));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(z, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) != 0 ||
      zip_file_set_mtime(z, i, when, 0) != 0)
    fail(path, zip_message(z));
}

}  // namespace

void write_epub(const std::filesystem::path& path, const std::vector<BookFile>& files,
                const std::vector<std::filesystem::path>& audio, const std::string& modified) {
  int error = 0;
  ZipHandle z(zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!z) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string message = zip_error_strerror(&e);
    zip_error_fini(&e);
    fail(path, message);
  }
  const time_t when = member_time(modified);
  static const char kMimetype[] = "application/epub+zip";
  add(z.get(), path, "mimetype", zip_source_buffer(z.get(), kMimetype, sizeof kMimetype - 1, 0), true, when);
  // The buffers are the caller's and outlive zip_close below.
  for (const auto& file : files)
    add(z.get(), path, file.name, zip_source_buffer(z.get(), file.content.data(), file.content.size(), 0), false, when);
  for (std::size_t i = 0; i < audio.size(); ++i)
    add(z.get(), path, "EPUB/" + section_audio(i), zip_source_file(z.get(), audio[i].c_str(), 0, -1), true, when);
  if (zip_close(z.get()) != 0) fail(path, zip_message(z.get()));
  (void)z.release();  // closed
}

}  // namespace readaloud
