using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>
/// Reads what an OpenAI-compatible upstream answers with, a <c>chat.completion</c> or one of the fifty
/// <c>chat.completion.chunk</c> events of a stream, in one pass over the reader. It reads what the generated parser
/// reads, with the same rules (the same members required, unknown members skipped, a wrong type or a missing member a
/// <see cref="JsonException"/>), without the generated parser's frame stack; and it refuses a null choice, which the
/// generated parser would keep for every later reader of the choices to trip on. Writing goes through the generated
/// serializer.
/// </summary>
internal static class ChatJson
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

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = GatewayJsonContext.Default.Options.AllowTrailingCommas,
        CommentHandling = GatewayJsonContext.Default.Options.ReadCommentHandling,
        MaxDepth = GatewayJsonContext.Default.Options.MaxDepth,
    };

    private static readonly Func<ReadOnlyMemory<byte>, IReadOnlyList<ChatChoice>> BuildChoices = static json =>
    {
        var reader = new Utf8JsonReader(json.Span, ReaderOptions);
        reader.Read();
        return ReadChoices(ref reader, "chat.completion", "message"u8, AnswerChoice, textDeltas: false, out _)!;
    };

    private static readonly ChoiceFactory<ChatChoice> AnswerChoice = static (index, message, finish, logprobs) =>
        new ChatChoice { Index = index, Message = message!, FinishReason = finish, Logprobs = logprobs };

    /// <summary>The type to read stream chunks with: the gateway's serializer options, the one-pass reader at the root.</summary>
    public static JsonTypeInfo<ChatCompletionChunk> Chunk { get; } = JsonMetadataServices.CreateValueInfo<ChatCompletionChunk>(
        GatewayJsonContext.Default.Options,
        new Converter<ChatCompletionChunk, ChunkChoice>(
            "chat.completion.chunk",
            "delta"u8.ToArray(),
            static (index, delta, finish, logprobs) => new ChunkChoice { Index = index, Delta = delta!, FinishReason = finish, Logprobs = logprobs },
            static head =>
            {
                var chunk = new ChatCompletionChunk
                {
                    Id = head.Id!,
                    Object = head.HasObject ? head.Object! : "chat.completion.chunk",
                    Created = head.Created,
                    Model = head.Model!,
                    Choices = head.Choices!,
                    Usage = head.Usage,
                    SystemFingerprint = head.SystemFingerprint,
                };
                if (head.TextDelta is { } delta)
                {
                    chunk.SetTextDelta(delta.Index, delta.Message.Role, delta.Message.Content, delta.FinishReason);
                }

                return chunk;
            },
            GatewayJsonContext.Default.ChatCompletionChunk,
            textDeltas: true));

    /// <summary>The type to read whole (non-streamed) answers with, choices built at once.</summary>
    public static JsonTypeInfo<ChatCompletionResponse> Answer { get; } = JsonMetadataServices.CreateValueInfo<ChatCompletionResponse>(
        GatewayJsonContext.Default.Options,
        new Converter<ChatCompletionResponse, ChatChoice>("chat.completion", "message"u8.ToArray(), AnswerChoice, BuildAnswer, GatewayJsonContext.Default.ChatCompletionResponse));

    /// <summary>
    /// Reads a whole answer from its bytes, refusing what <see cref="Answer"/> refuses (a
    /// <see cref="JsonException"/>), null for a JSON null. Its choices are checked now and built from
    /// <paramref name="json"/> when first read, so the bytes must stay as they are until then (see
    /// <see cref="ChatCompletionResponse.TakeUpstreamJson"/>).
    /// </summary>
    public static ChatCompletionResponse? ReadAnswer(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The answer is empty.");
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                return reader.Read() ? throw new JsonException("The answer has data after its end.") : null;
            }

            var head = ReadObject<ChatChoice>(ref reader, "chat.completion", "message"u8, null);
            if (reader.Read())
            {
                throw new JsonException("The answer has data after its end.");
            }

            var answer = BuildAnswer(head);
            if (head.ChoicesJson is { } choices)
            {
                answer.DeferChoices(json[choices], BuildChoices);
            }

            return answer;
        }
        catch (InvalidOperationException ex)
        {
            // What the serializer turns a value of the wrong type into (a string read as a number, say).
            throw new JsonException(ex.Message, ex);
        }
    }

    private static ChatCompletionResponse BuildAnswer(Head<ChatChoice> head) => new()
    {
        Id = head.Id!,
        Object = head.HasObject ? head.Object! : "chat.completion",
        Created = head.Created,
        Model = head.Model!,
        Choices = head.Choices!,
        Usage = head.Usage,
        SystemFingerprint = head.SystemFingerprint,
    };

    /// <summary>
    /// Reads one kind of object in one pass; writes it with the generated serializer. With <paramref name="textDeltas"/>,
    /// a lone choice that is a plain text delta is handed to <paramref name="build"/> as its values
    /// (<see cref="Head{TChoice}.TextDelta"/>) rather than built.
    /// </summary>
    private sealed class Converter<T, TChoice>(
        string what,
        byte[] messageName,
        ChoiceFactory<TChoice> choice,
        Func<Head<TChoice>, T> build,
        JsonTypeInfo<T> generated,
        bool textDeltas = false) : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : build(ReadObject(ref reader, what, messageName, choice, textDeltas));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, generated);
    }

    /// <summary>The members a chunk and an answer share.</summary>
    private struct Head<TChoice>
    {
        public string? Id;
        public bool HasObject;
        public string? Object;
        public long Created;
        public string? Model;
        public List<TChoice>? Choices;
        public Usage? Usage;
        public string? SystemFingerprint;

        /// <summary>Where the (checked, not built) choices array is in the input; null when they were built or were null.</summary>
        public Range? ChoicesJson;

        /// <summary>The lone choice, when it was a plain text delta read as its values (then <see cref="Choices"/> is null).</summary>
        public ChoiceParts? TextDelta;
    }

    private delegate TChoice ChoiceFactory<out TChoice>(int index, ChatResponseMessage? message, string? finishReason, JsonElement? logprobs);

    /// <summary>A message or delta as read, before it is built.</summary>
    private struct MessageParts
    {
        public bool Present;
        public string? Role;
        public string? Content;
        public string? Refusal;
        public IReadOnlyList<ToolCall>? ToolCalls;
        public FunctionCallPayload? FunctionCall;

        /// <summary>A role and text at most: what a streamed answer's deltas are but for its tool calls.</summary>
        public readonly bool IsText => Refusal is null && ToolCalls is null && FunctionCall is null;

        public readonly ChatResponseMessage? Build() => Present
            ? new ChatResponseMessage { Role = Role, Content = Content, Refusal = Refusal, ToolCalls = ToolCalls, FunctionCall = FunctionCall }
            : null;
    }

    /// <summary>A choice as read, before it is built.</summary>
    private struct ChoiceParts
    {
        public int Index;
        public MessageParts Message;
        public string? FinishReason;
        public JsonElement? Logprobs;

        public readonly TChoice Build<TChoice>(ChoiceFactory<TChoice> choice) => choice(Index, Message.Build(), FinishReason, Logprobs);
    }

    /// <summary>
    /// Reads a chunk or an answer. Without a <paramref name="choice"/> factory the choices are checked (what building
    /// them would refuse, refused) but not built, and <see cref="Head{TChoice}.ChoicesJson"/> says where they are.
    /// </summary>
    private static Head<TChoice> ReadObject<TChoice>(
        ref Utf8JsonReader reader,
        string what,
        ReadOnlySpan<byte> messageName,
        ChoiceFactory<TChoice>? choice,
        bool textDeltas = false)
    {
        ExpectObject(ref reader, what);
        var head = default(Head<TChoice>);
        bool id = false, model = false, choices = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                head.Id = Repeated(ref reader, ref t_id);
                id = true;
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                head.Object = Repeated(ref reader, ref t_object);
                head.HasObject = true;
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                reader.Read();
                head.Created = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                head.Model = Repeated(ref reader, ref t_model);
                model = true;
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                var start = reader.TokenStartIndex;
                var isArray = reader.TokenType == JsonTokenType.StartArray;
                head.Choices = ReadChoices(ref reader, what, messageName, choice, textDeltas, out head.TextDelta);
                head.ChoicesJson = choice is null && isArray ? new Range((int)start, (int)reader.BytesConsumed) : null;
                choices = true;
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                head.Usage = JsonSerializer.Deserialize(ref reader, GatewayJsonContext.Default.Usage);
            }
            else if (reader.ValueTextEquals("system_fingerprint"u8))
            {
                reader.Read();
                head.SystemFingerprint = Repeated(ref reader, ref t_fingerprint);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!id || !model || !choices)
        {
            throw new JsonException($"A {what} is missing '{(!id ? "id" : !model ? "model" : "choices")}'.");
        }

        return head;
    }

    /// <summary>
    /// Reads the choices array: built with <paramref name="choice"/>, or only checked without it. With
    /// <paramref name="textDeltas"/>, an array of one choice that is a plain text delta (no logprobs, no refusal, no
    /// tool or function call) comes back as <paramref name="textDelta"/> and no list.
    /// </summary>
    private static List<TChoice>? ReadChoices<TChoice>(
        ref Utf8JsonReader reader,
        string what,
        ReadOnlySpan<byte> messageName,
        ChoiceFactory<TChoice>? choice,
        bool textDeltas,
        out ChoiceParts? textDelta)
    {
        textDelta = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A {what}'s 'choices' must be an array.");
        }

        List<TChoice>? list = null;
        ChoiceParts? held = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var read = ReadChoice(ref reader, what, messageName, keep: choice is not null);
            if (choice is null)
            {
                continue;
            }

            if (++count == 1 && textDeltas && read.Logprobs is null && read.Message.IsText)
            {
                // Built only if a second choice follows.
                held = read;
                continue;
            }

            list ??= new List<TChoice>(count);
            if (held is { } first)
            {
                list.Add(first.Build(choice));
                held = null;
            }

            list.Add(read.Build(choice));
        }

        if (held is not null)
        {
            textDelta = held;
            return null;
        }

        return choice is null ? null : list ?? new List<TChoice>(0);
    }

    private static ChoiceParts ReadChoice(ref Utf8JsonReader reader, string what, ReadOnlySpan<byte> messageName, bool keep)
    {
        ExpectObject(ref reader, "choice");
        var choice = default(ChoiceParts);
        var hasMessage = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                choice.Index = reader.GetInt32();
            }
            else if (reader.ValueTextEquals(messageName))
            {
                reader.Read();
                choice.Message = ReadMessage(ref reader, keep);
                hasMessage = true;
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                choice.FinishReason = Text(ref reader, keep);
            }
            else if (reader.ValueTextEquals("logprobs"u8))
            {
                reader.Read();
                if (keep && reader.TokenType != JsonTokenType.Null)
                {
                    choice.Logprobs = JsonElement.ParseValue(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return hasMessage
            ? choice
            : throw new JsonException($"A {what}'s choice is missing '{System.Text.Encoding.UTF8.GetString(messageName)}'.");
    }

    /// <summary>Reads a message or a delta; without <paramref name="keep"/>, checks it and keeps nothing.</summary>
    private static MessageParts ReadMessage(ref Utf8JsonReader reader, bool keep)
    {
        var message = default(MessageParts);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return message;
        }

        ExpectObject(ref reader, "message");
        message.Present = keep;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                message.Role = Text(ref reader, keep);
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                message.Content = Text(ref reader, keep);
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                reader.Read();
                message.Refusal = Text(ref reader, keep);
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                var calls = JsonSerializer.Deserialize(ref reader, ToolCalls);
                message.ToolCalls = keep ? calls : null;
            }
            else if (reader.ValueTextEquals("function_call"u8))
            {
                reader.Read();
                var call = JsonSerializer.Deserialize(ref reader, FunctionCall);
                message.FunctionCall = keep ? call : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return message;
    }

    /// <summary>
    /// The string at the reader when <paramref name="keep"/>; otherwise null, after the checks <c>GetString</c> makes
    /// (a string or null, valid UTF-8, valid escapes), without making the string.
    /// </summary>
    private static string? Text(ref Utf8JsonReader reader, bool keep)
    {
        if (keep || reader.TokenType != JsonTokenType.String)
        {
            // For a check, GetString of a null is null and of anything but a string throws what building would.
            var text = reader.GetString();
            return keep ? text : null;
        }

        if (!reader.ValueIsEscaped)
        {
            if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
            {
                reader.GetString();
            }

            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            reader.CopyString(chars);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return null;
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
