using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// OpenAI's files and batches API, in memory: a batch stays in progress for
/// <see cref="FakeUpstreamOptions.BatchCompletesAfter"/>, then completes with one answer per input line
/// (the answer names the line's custom_id), or ends cancelled when cancelled first.
/// </summary>
internal sealed class OpenAiBatchFake
{
    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeBatch> _batches = new(StringComparer.Ordinal);
    private int _next;

    public OpenAiBatchFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public async Task UploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var file = form.Files["file"];
        if (file is null)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var id = "file-fake" + Interlocked.Increment(ref _next);
        _files[id] = buffer.ToArray();
        _script.Add(new RecordedRequest(Routes.OpenAiFiles, "POST", context.Request.Path, new Dictionary<string, string>(), Encoding.UTF8.GetString(buffer.ToArray())));
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = id,
            ["object"] = "file",
            ["bytes"] = buffer.Length,
            ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["filename"] = file.FileName,
            ["purpose"] = form["purpose"].ToString(),
            ["status"] = "processed",
        }).ConfigureAwait(false);
    }

    public async Task ContentAsync(HttpContext context, string id)
    {
        if (!_files.TryGetValue(id, out var content))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task CreateAsync(HttpContext context)
    {
        var body = await FakeHttp.RecordAsync(context, _script, Routes.OpenAiBatches).ConfigureAwait(false);
        var request = FakeHttp.ParseObject(body);
        var inputId = request?["input_file_id"]?.GetValue<string>();
        if (inputId is null || !_files.TryGetValue(inputId, out var input))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var id = "batch_fake" + Interlocked.Increment(ref _next);
        var lines = Encoding.UTF8.GetString(input).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var batch = new FakeBatch(id, inputId, request!["endpoint"]?.GetValue<string>() ?? string.Empty, lines, DateTimeOffset.UtcNow);
        _batches[id] = batch;
        await context.Response.WriteAsJsonAsync(View(batch)).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context, string id)
    {
        if (!_batches.TryGetValue(id, out var batch))
        {
            context.Response.StatusCode = 404;
            return;
        }

        await context.Response.WriteAsJsonAsync(View(batch)).ConfigureAwait(false);
    }

    public async Task CancelAsync(HttpContext context, string id)
    {
        if (!_batches.TryGetValue(id, out var batch))
        {
            context.Response.StatusCode = 404;
            return;
        }

        _script.Add(new RecordedRequest(Routes.OpenAiBatches, "POST", context.Request.Path, new Dictionary<string, string>(), string.Empty));
        batch.Cancelled = true;
        await context.Response.WriteAsJsonAsync(View(batch)).ConfigureAwait(false);
    }

    private JsonObject View(FakeBatch batch)
    {
        var done = !batch.Cancelled && DateTimeOffset.UtcNow - batch.CreatedAt >= _options.BatchCompletesAfter;
        if (done && batch.OutputFileId is null)
        {
            lock (batch)
            {
                if (batch.OutputFileId is null)
                {
                    var output = new StringBuilder();
                    foreach (var line in batch.Lines)
                    {
                        var customId = JsonNode.Parse(line)?["custom_id"]?.GetValue<string>() ?? string.Empty;
                        output.Append(JsonSerializer.Serialize(new JsonObject
                        {
                            ["id"] = "batch_req_fake" + Interlocked.Increment(ref _next),
                            ["custom_id"] = customId,
                            ["response"] = new JsonObject
                            {
                                ["status_code"] = 200,
                                ["request_id"] = "req_fake",
                                ["body"] = new JsonObject
                                {
                                    ["id"] = "chatcmpl-fake",
                                    ["object"] = "chat.completion",
                                    ["choices"] = new JsonArray(new JsonObject
                                    {
                                        ["index"] = 0,
                                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "Batched answer to " + customId },
                                        ["finish_reason"] = "stop",
                                    }),
                                },
                            },
                            ["error"] = null,
                        })).Append('\n');
                    }

                    var fileId = "file-fake" + Interlocked.Increment(ref _next);
                    _files[fileId] = Encoding.UTF8.GetBytes(output.ToString());
                    batch.OutputFileId = fileId;
                }
            }
        }

        var total = batch.Lines.Length;
        return new JsonObject
        {
            ["id"] = batch.Id,
            ["object"] = "batch",
            ["endpoint"] = batch.Endpoint,
            ["input_file_id"] = batch.InputFileId,
            ["completion_window"] = "24h",
            ["status"] = batch.Cancelled ? "cancelled" : done ? "completed" : "in_progress",
            ["output_file_id"] = done ? batch.OutputFileId : null,
            ["error_file_id"] = null,
            ["created_at"] = batch.CreatedAt.ToUnixTimeSeconds(),
            ["request_counts"] = new JsonObject { ["total"] = total, ["completed"] = done ? total : 0, ["failed"] = 0 },
        };
    }

    private sealed class FakeBatch(string id, string inputFileId, string endpoint, string[] lines, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public string InputFileId { get; } = inputFileId;

        public string Endpoint { get; } = endpoint;

        public string[] Lines { get; } = lines;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public volatile bool Cancelled;

        public string? OutputFileId { get; set; }
    }
}
