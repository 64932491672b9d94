using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>
/// The cache key of a request: SHA-256 over a canonical JSON form (object members sorted by name) of the model the
/// client asked for and every parameter that changes the answer. Who asks (<c>user</c>, <c>metadata</c>), how the
/// answer travels (<c>stream</c>, <c>stream_options</c>) and the gateway's own fields are left out.
/// </summary>
internal static class ResponseCacheKey
{
    /// <summary>Unnamed request fields the gateway consumes; they do not change the answer.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        CacheControl.Field, "caching", "tags", "fallbacks", "num_retries", "guardrails", "litellm_metadata",
        "metadata", "user", "stream", "stream_options",
    };

    public static string ForChat(string requestedModel, ChatCompletionRequest request)
    {
        var normalized = request with
        {
            Model = null,
            Stream = null,
            StreamOptions = null,
            User = null,
            Metadata = null,
        };
        normalized.AdditionalProperties = Relevant(request.AdditionalProperties);
        return Hash("chat", requestedModel, JsonSerializer.SerializeToUtf8Bytes(normalized, GatewayJsonContext.Default.ChatCompletionRequest));
    }

    public static string ForEmbeddings(string requestedModel, EmbeddingsRequest request)
    {
        var normalized = request with { Model = null, User = null };
        normalized.AdditionalProperties = Relevant(request.AdditionalProperties);
        return Hash("embedding", requestedModel, JsonSerializer.SerializeToUtf8Bytes(normalized, GatewayJsonContext.Default.EmbeddingsRequest));
    }

    private static Dictionary<string, JsonElement>? Relevant(IDictionary<string, JsonElement>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            return null;
        }

        Dictionary<string, JsonElement>? kept = null;
        foreach (var (name, value) in fields)
        {
            if (!Ignored.Contains(name))
            {
                (kept ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;
            }
        }

        return kept;
    }

    private static string Hash(string kind, string model, byte[] body)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + model.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(kind);
            writer.WriteStringValue(model);
            using var document = JsonDocument.Parse(body);
            WriteCanonical(writer, document.RootElement);
            writer.WriteEndArray();
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                // 1, 1.0 and 1e0 are one number; whole numbers stay exact (seeds are 64-bit).
                if (element.TryGetInt64(out var whole))
                {
                    writer.WriteNumberValue(whole);
                }
                else if (element.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
