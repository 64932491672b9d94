using System.Text;
using System.Text.Json;
using LlmPlatform.Application.Jobs;
using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Application.Jobs.Files;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// Writes a batch's output file (answered lines) and error file (failed lines, and the lines a cancel or the expiry
/// left unrun) in OpenAI's batch output format, page by page from PostgreSQL through a temporary file into the
/// blob store; nothing is held whole in memory.
/// </summary>
internal sealed class BatchOutputWriter
{
    private const int PageSize = 500;
    private static readonly string[] CompletedOnly = [BatchLineResult.Completed];

    private readonly BatchStore _store;
    private readonly IFileStore _files;
    private readonly IFileBlobStore _blobs;
    private readonly TimeProvider _time;

    public BatchOutputWriter(BatchStore store, IFileStore files, IFileBlobStore blobs, TimeProvider time)
    {
        _store = store;
        _files = files;
        _blobs = blobs;
        _time = time;
    }

    /// <summary>Writes both files; <paramref name="unrunCode"/> (batch_cancelled, batch_expired) puts unrun lines in the error file.</summary>
    public async Task<(string? Output, string? Error)> WriteAsync(StoredBatch batch, string? unrunCode, CancellationToken cancellationToken)
    {
        var output = await WriteFileAsync(batch, CompletedOnly, "output", null, cancellationToken).ConfigureAwait(false);
        string[] errorStatuses = unrunCode is null ? [BatchLineResult.Failed] : [BatchLineResult.Failed, BatchLineResult.Pending];
        var error = await WriteFileAsync(batch, errorStatuses, "error", unrunCode, cancellationToken).ConfigureAwait(false);
        return (output, error);
    }

    private async Task<string?> WriteFileAsync(StoredBatch batch, string[] statuses, string kind, string? unrunCode, CancellationToken cancellationToken)
    {
        if (await _store.CountAsync(batch.Id, statuses, cancellationToken).ConfigureAwait(false) == 0)
        {
            return null;
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"llmplatform-{batch.Id}-{kind}-{Guid.NewGuid():N}.jsonl");
        try
        {
            var target = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await using (target.ConfigureAwait(false))
            {
                await using (var writer = new Utf8JsonWriter(target, new JsonWriterOptions { SkipValidation = true }))
                {
                    var after = 0;
                    while (true)
                    {
                        var page = await _store.ResultsAsync(batch.Id, statuses, after, PageSize, cancellationToken).ConfigureAwait(false);
                        if (page.Count == 0)
                        {
                            break;
                        }

                        foreach (var line in page)
                        {
                            WriteLine(writer, line, unrunCode);
                            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                            target.WriteByte((byte)'\n');
                            writer.Reset();
                        }

                        after = page[^1].LineNo;
                    }
                }

                target.Position = 0;
                var id = JobIds.NewFileId();
                var bytes = await _blobs.SaveAsync(id, target, cancellationToken).ConfigureAwait(false);
                await _files.InsertAsync(
                    new StoredFile(id, batch.Owner, $"{batch.Id}_{kind}.jsonl", FilePurposes.BatchOutput, bytes, id, _time.GetUtcNow(), null),
                    cancellationToken).ConfigureAwait(false);
                return id;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteLine(Utf8JsonWriter writer, BatchLineResult line, string? unrunCode)
    {
        writer.WriteStartObject();
        writer.WriteString("id", line.RequestId);
        writer.WriteString("custom_id", line.CustomId);
        if (line.Status == BatchLineResult.Completed)
        {
            writer.WriteStartObject("response");
            writer.WriteNumber("status_code", line.StatusCode ?? 200);
            writer.WriteString("request_id", line.RequestId);
            writer.WritePropertyName("body");
            writer.WriteRawValue(Encoding.UTF8.GetBytes(line.Response ?? "{}"), skipInputValidation: true);
            writer.WriteEndObject();
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteNull("response");
            writer.WriteStartObject("error");
            if (line.Status == BatchLineResult.Pending)
            {
                writer.WriteString("code", unrunCode);
                writer.WriteString("message", unrunCode == "batch_expired"
                    ? "The batch expired before this request ran."
                    : "The batch was cancelled before this request ran.");
            }
            else
            {
                writer.WriteString("code", line.ErrorCode);
                writer.WriteString("message", line.ErrorMessage);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
