using System.Buffers;
using System.Text.Json;
using LlmPlatform.Application.Jobs.Batches;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>
/// Checks a batch input file line by line as its bytes stream past: each non-empty line must be a JSON object
/// <c>{custom_id, method: "POST", url, body: {model, ...}}</c> with a unique <c>custom_id</c>. Keeps the first
/// problem, naming its line; only the current line is buffered, and only up to <c>maxLineBytes</c>: a longer
/// line is a problem (it could not be sent as one request either), so memory stays bounded even for a file that is
/// not a batch file at all (checked only because its purpose comes after it in the form).
/// </summary>
internal sealed class BatchLineValidator
{
    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly HashSet<string> _customIds = new(StringComparer.Ordinal);
    private readonly long _maxLineBytes;
    private int _lineNumber;
    private int _requests;

    public BatchLineValidator(long maxLineBytes)
    {
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The first problem found, naming its line; null while the file is valid.</summary>
    public string? Problem { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (Problem is null && bytes.Length > 0)
        {
            var end = bytes.IndexOf((byte)'\n');
            var part = end < 0 ? bytes : bytes[..end];
            if (_line.WrittenCount + (long)part.Length > _maxLineBytes)
            {
                Problem = $"Line {_lineNumber + 1} of the batch file is longer than {_maxLineBytes} bytes, the largest request the gateway takes.";
                _line.Clear();
                return;
            }

            _line.Write(part);
            if (end < 0)
            {
                return;
            }

            bytes = bytes[(end + 1)..];
            EndLine();
        }
    }

    /// <summary>Checks the last line (one without a trailing newline) and that the file holds a request at all.</summary>
    public void Complete()
    {
        if (Problem is null && _line.WrittenCount > 0)
        {
            EndLine();
        }

        if (Problem is null && _requests == 0)
        {
            Problem = "The batch file holds no requests; give one JSON object per line.";
        }
    }

    private void EndLine()
    {
        _lineNumber++;
        var line = _line.WrittenSpan;
        if (_lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        line = line.TrimEnd((byte)'\r');
        if (!line.Trim(" \t"u8).IsEmpty)
        {
            Problem = Check(line);
            _requests++;
        }

        _line.Clear();
    }

    private string? Check(ReadOnlySpan<byte> line)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed) || reader.BytesConsumed != line.Length && !line[(int)reader.BytesConsumed..].Trim(" \t"u8).IsEmpty)
            {
                parsed?.Dispose();
                return At("is not one JSON value.");
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return At("is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return At("must be a JSON object with custom_id, method, url and body.");
            }

            if (!root.TryGetProperty("custom_id", out var customId) || customId.ValueKind != JsonValueKind.String || BatchLineText.Of(customId) is not { Length: > 0 } id)
            {
                return At("needs 'custom_id' as a non-empty string.");
            }

            if (id.Contains('\0', StringComparison.Ordinal))
            {
                return At("has U+0000 in its 'custom_id', which cannot be stored.");
            }

            if (!_customIds.Add(id))
            {
                return At($"repeats custom_id '{id}'; each request needs its own.");
            }

            if (!root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String || BatchLineText.Of(method) != "POST")
            {
                return At("needs 'method': \"POST\".");
            }

            if (!root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String || !BatchEndpoints.IsSupported(BatchLineText.Of(url)))
            {
                return At("needs 'url' as one of " + string.Join(", ", BatchEndpoints.All) + ".");
            }

            if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                return At("needs 'body' as a JSON object.");
            }

            if (!body.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(BatchLineText.Of(model)))
            {
                return At("needs 'body.model' as a string.");
            }

            return null;
        }
    }

    private string At(string problem) => $"Line {_lineNumber} of the batch file {problem}";
}
