#pragma once
// A TagLib I/O stream that remembers write errors. TagLib's own FileStream
// ignores fwrite's result, so a full disk or a file-size limit would leave a
// truncated file behind a successful save().

#include <taglib/tiostream.h>

#include <filesystem>
#include <string>

namespace readaloud {

/// Read-write access to one file through POSIX calls, for TagLib's
/// File(IOStream*) constructors. Errors are kept, not thrown (TagLib is not
/// exception-safe); call throw_if_failed() after save().
class CheckedFileStream final : public TagLib::IOStream {
 public:
  /// Opens `path` read-write. Throws Error(Runtime) naming it on failure.
  explicit CheckedFileStream(const std::filesystem::path& path);
  ~CheckedFileStream() override;
  CheckedFileStream(const CheckedFileStream&) = delete;
  CheckedFileStream& operator=(const CheckedFileStream&) = delete;

  /// Throws Error(Runtime) "write failed: <reason>" naming the file when any
  /// write, truncate or close failed.
  void throw_if_failed();

  TagLib::FileName name() const override;
  TagLib::ByteVector readBlock(unsigned long length) override;
  void writeBlock(const TagLib::ByteVector& data) override;
  void insert(const TagLib::ByteVector& data, unsigned long start = 0, unsigned long replace = 0) override;
  void removeBlock(unsigned long start = 0, unsigned long length = 0) override;
  bool readOnly() const override { return false; }
  bool isOpen() const override { return fd_ >= 0; }
  void seek(long offset, Position p = Beginning) override;
  long tell() const override { return pos_; }
  long length() override;
  void truncate(long length) override;

 private:
  bool write_at(const char* data, std::size_t size, long at);
  void note_error(int err);

  std::string path_;
  int fd_ = -1;
  long pos_ = 0;
  int error_ = 0;
};

}  // namespace readaloud
