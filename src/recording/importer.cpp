// `gwlint import`: load any supported file through the positioned loader, detect its format by
// content, convert, then the same steps for every format: streams split into events, ids,
// checks (warnings), transport headers dropped, secrets redacted.
#include "recording/importer.hpp"

#include <fmt/format.h>

#include "config/loader.hpp"
#include "recording/import_detail.hpp"
#include "recording/node_location.hpp"
#include "recording/sanitizer.hpp"

namespace gwlint::recording {

namespace {

// HAR files of a browsing session are large; the other limits stay the loader's defaults.
constexpr size_t kMaxImportBytes = 128u << 20;

std::string position_of(const LoadProblem& problem, const std::string& path) {
  SourcePosition at = problem.span.begin_position();
  std::string file = problem.span.file ? problem.span.file->path() : path;
  return at.line ? fmt::format("{}:{}:{}", file, at.line, at.column) : file;
}

ImportResult import_gwlint(const Document& document, ImportResult result) {
  LoadResult loaded = recording_from_document(document);
  result.errors.insert(result.errors.end(), loaded.problems.begin(), loaded.problems.end());
  if (!loaded.ok()) return result;
  const std::string& path = document.main_file().path();
  ImportContext context(path, result);
  for (Exchange& exchange : loaded.recording->exchanges) {
    ImportedExchange imported;
    imported.exchange = exchange;
    size_t before = result.warnings.size();
    check_imported_exchange(imported, context);
    // No node positions survive into the model: point at the exchange itself.
    for (size_t i = before; i < result.warnings.size(); ++i) {
      if (result.warnings[i].location == path && !exchange.location.empty())
        result.warnings[i].location = exchange.location;
    }
    sanitize_exchange(exchange);
  }
  result.recording = std::move(loaded.recording);
  return result;
}

LoadLimits import_limits() {
  LoadLimits limits;
  limits.max_bytes = kMaxImportBytes;
  return limits;
}

ImportResult import_document(const std::string& path, std::unique_ptr<Document> document) {
  ImportResult result;
  for (const LoadProblem& problem : document->problems) {
    // Other tools' files are not ours to be strict about; a repeated key only matters in gwlint's
    // own format, where the loader reports it as an error anyway.
    if (problem.kind == LoadProblemKind::DuplicateKey && !document->fatal) {
      result.warnings.push_back({position_of(problem, path), problem.message});
    } else {
      result.errors.push_back({position_of(problem, path), problem.message});
    }
  }
  if (document->fatal || !result.errors.empty()) return result;

  std::optional<ImportFormat> format = detect_format(document->root);
  if (!format) {
    std::string where = document->root ? location_of(document->root) : path;
    result.errors.push_back(
        {where.empty() ? path : where,
         "not a recognised recording: expected HAR 1.2 (`log.entries`), Azure SDK test-proxy JSON (`Entries`), a "
         "VCR.py cassette (`interactions`) or a gwlint recording (`exchanges`)"});
    return result;
  }
  result.format = *format;
  if (*format == ImportFormat::Gwlint) {
    result.warnings.clear();  // duplicates are errors in our own format: the loader reports them
    return import_gwlint(*document, std::move(result));
  }

  ImportContext context(path, result);
  std::vector<ImportedExchange> imported;
  switch (*format) {
    case ImportFormat::Har:
      import_har(document->root, context, imported);
      break;
    case ImportFormat::TestProxy:
      import_test_proxy(document->root, context, imported);
      break;
    case ImportFormat::Vcr:
      import_vcr(document->root, context, imported);
      break;
    case ImportFormat::Gwlint:
      break;
  }
  if (context.failed()) return result;

  std::vector<Exchange> exchanges;
  for (ImportedExchange& item : imported) {
    std::string method = item.exchange.request.method;
    for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    item.exchange.request.method = method;
    item.exchange.location = location_of(item.entry);
    split_stream_body(item.exchange.response);
    exchanges.push_back(item.exchange);
  }
  assign_exchange_ids(exchanges);
  Recording recording;
  recording.path = path;
  recording.source = fmt::format("imported by gwlint from {} ({})", path, format_name(*format));
  for (size_t i = 0; i < imported.size(); ++i) {
    imported[i].exchange.id = exchanges[i].id;
    check_imported_exchange(imported[i], context);
    drop_transport_headers(imported[i]);
    check_loadable(imported[i], context);
    sanitize_exchange(imported[i].exchange);
    recording.exchanges.push_back(std::move(imported[i].exchange));
  }
  if (context.failed()) return result;
  result.recording = std::move(recording);
  return result;
}

}  // namespace

ImportResult import_recording_file(const std::string& path) {
  ImportResult result;
  LoadLimits limits = import_limits();
  ReadResult read = read_input(path, limits.max_bytes);
  if (read.error) {
    result.errors.push_back({path, "cannot read the file: " + *read.error});
    return result;
  }
  return import_document(path, load_text_as(path, std::move(read), limits));
}

ImportResult import_recording_text(const std::string& path, std::string text) {
  return import_document(path, load_document(path, std::move(text), import_limits(), std::string()));
}

}  // namespace gwlint::recording
