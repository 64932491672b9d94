using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>
/// Reads a <c>chat.completion.chunk</c> event, what an OpenAI-compatible stream sends fifty times an answer, in one
/// pass over the reader. It reads what the generated parser reads, with the same rules (the same members required,
/// unknown members skipped, a wrong type or a missing member a <see cref="JsonException"/>), without the generated
/// parser's per-event frame stack. Writing goes through the generated serializer.
/// </summary>
internal sealed class ChatChunkJson : JsonConverter<ChatCompletionChunk>
{
    private static readonly JsonTypeInfo<IReadOnlyList<ToolCall>> ToolCalls =
        (JsonTypeInfo<IReadOnlyList<ToolCall>>)GatewayJsonContext.Default.GetTypeInfo(typeof(IReadOnlyList<ToolCall>))!;

    private static readonly JsonTypeInfo<FunctionCallPayload> FunctionCall =
        (JsonTypeInfo<FunctionCallPayload>)GatewayJsonContext.Default.GetTypeInfo(typeof(FunctionCallPayload))!;

    // The last id, object, model and fingerprint read on this thread: a stream repeats them in each of its fifty
    // chunks, so a chunk whose value matches takes the string already made instead of a new one.
    [ThreadStatic]
    private static string? t_id;

    [ThreadStatic]
    private static string? t_object;

    [ThreadStatic]
    private static string? t_model;

    [ThreadStatic]
    private static string? t_fingerprint;

    /// <summary>The type to read chunks with: the gateway's serializer options, this converter at the root.</summary>
    public static JsonTypeInfo<ChatCompletionChunk> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<ChatCompletionChunk>(GatewayJsonContext.Default.Options, new ChatChunkJson());

    public override ChatCompletionChunk? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectObject(ref reader, "chunk");
        var chunk = new ChatCompletionChunk();
        bool id = false, model = false, choices = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                chunk.Id = Repeated(ref reader, ref t_id)!;
                id = true;
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                chunk.Object = Repeated(ref reader, ref t_object)!;
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                reader.Read();
                chunk.Created = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                chunk.Model = Repeated(ref reader, ref t_model)!;
                model = true;
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                chunk.Choices = ReadChoices(ref reader)!;
                choices = true;
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                chunk.Usage = JsonSerializer.Deserialize(ref reader, GatewayJsonContext.Default.Usage);
            }
            else if (reader.ValueTextEquals("system_fingerprint"u8))
            {
                reader.Read();
                chunk.SystemFingerprint = Repeated(ref reader, ref t_fingerprint);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!id || !model || !choices)
        {
            throw new JsonException($"A chat.completion.chunk is missing '{(!id ? "id" : !model ? "model" : "choices")}'.");
        }

        return chunk;
    }

    public override void Write(Utf8JsonWriter writer, ChatCompletionChunk value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, GatewayJsonContext.Default.ChatCompletionChunk);

    private static List<ChunkChoice>? ReadChoices(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A chunk's 'choices' must be an array.");
        }

        var list = new List<ChunkChoice>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadChoice(ref reader));
        }

        return list;
    }

    private static ChunkChoice ReadChoice(ref Utf8JsonReader reader)
    {
        // Stricter than the generated parser, which would keep a null the stream's readers cannot use.
        ExpectObject(ref reader, "choice");
        var choice = new ChunkChoice();
        var delta = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                choice.Index = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                choice.Delta = ReadDelta(ref reader)!;
                delta = true;
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                choice.FinishReason = reader.GetString();
            }
            else if (reader.ValueTextEquals("logprobs"u8))
            {
                reader.Read();
                choice.Logprobs = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return delta ? choice : throw new JsonException("A chunk's choice is missing 'delta'.");
    }

    private static ChatResponseMessage? ReadDelta(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectObject(ref reader, "delta");
        var delta = new ChatResponseMessage();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                delta.Role = reader.GetString();
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                delta.Content = reader.GetString();
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                reader.Read();
                delta.Refusal = reader.GetString();
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                delta.ToolCalls = JsonSerializer.Deserialize(ref reader, ToolCalls);
            }
            else if (reader.ValueTextEquals("function_call"u8))
            {
                reader.Read();
                delta.FunctionCall = JsonSerializer.Deserialize(ref reader, FunctionCall);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return delta;
    }

    /// <summary>The string at the reader (what <c>GetString</c> gives), the last one read if it has the same text.</summary>
    private static string? Repeated(ref Utf8JsonReader reader, ref string? last)
    {
        if (reader.TokenType == JsonTokenType.String && last is not null && reader.ValueTextEquals(last))
        {
            return last;
        }

        var value = reader.GetString();
        if (value is not null)
        {
            last = value;
        }

        return value;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A {what} must be a JSON object.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }
}
