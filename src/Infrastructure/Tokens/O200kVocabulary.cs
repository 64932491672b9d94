using System.Buffers.Text;
using System.IO.Compression;
using System.Reflection;

namespace LlmPlatform.Infrastructure.Tokens;

/// <summary>
/// The o200k_base vocabulary in three flat arrays: every token's bytes end to end in rank order, where each token
/// starts, and an open-addressing table from bytes to rank. About 4 MB for the 199,998 tokens, where a dictionary
/// per direction with an array and a string per token took tens of megabytes.
/// </summary>
internal sealed class O200kVocabulary
{
    private const string DataAssembly = "Microsoft.ML.Tokenizers.Data.O200kBase";
    private const string DataResource = "o200k_base.tiktoken.deflate";

    /// <summary>Room for o200k_base's tokens end to end (about 1.3 MB), so that loading it grows no array.</summary>
    private const int InitialTokenBytes = 1_500_000;

    private readonly byte[] _bytes;
    private readonly int[] _starts;
    private readonly int[] _slots;
    private readonly int _mask;

    private O200kVocabulary(byte[] bytes, int[] starts, int count)
    {
        _bytes = bytes;
        _starts = starts;
        Count = count;
        var size = 1;
        while (size < count * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _mask = size - 1;
        for (var rank = 0; rank < count; rank++)
        {
            var slot = Hash(Token(rank)) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = rank + 1;
        }
    }

    public int Count { get; }

    /// <summary>Loads the vocabulary the o200k_base data package embeds.</summary>
    public static O200kVocabulary Load()
    {
        using var resource = Assembly.Load(DataAssembly).GetManifestResourceStream(DataResource)
            ?? throw new InvalidDataException($"{DataAssembly} holds no {DataResource}.");
        using var inflated = new DeflateStream(resource, CompressionMode.Decompress);
        return Read(inflated);
    }

    /// <summary>
    /// Reads the tiktoken text form from a stream a block at a time. The inflated text (over 3 MB) is never held
    /// whole: held whole, with arrays sized for it, loading allocated 10.5 MB, most of it on the large-object heap,
    /// for the 4 MB it keeps; read in blocks, 4.5 MB.
    /// </summary>
    public static O200kVocabulary Read(Stream text)
    {
        var builder = new Builder(InitialTokenBytes);
        var buffer = new byte[64 * 1024];
        var held = 0;
        int read;
        while ((read = text.Read(buffer, held, buffer.Length - held)) > 0)
        {
            held += read;
            var end = buffer.AsSpan(0, held).LastIndexOf((byte)'\n');
            if (end < 0)
            {
                if (held == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                continue;
            }

            builder.AddLines(buffer.AsSpan(0, end + 1));
            buffer.AsSpan(end + 1, held - end - 1).CopyTo(buffer);
            held -= end + 1;
        }

        builder.AddLines(buffer.AsSpan(0, held));
        return builder.Build();
    }

    /// <summary>
    /// Reads the tiktoken text form: one token a line in base64, optionally followed by a space and its rank; ranks
    /// must run 0, 1, 2, ... A line holding a colon is a header and is skipped.
    /// </summary>
    public static O200kVocabulary Parse(ReadOnlySpan<byte> text)
    {
        var builder = new Builder(text.Length / 4 * 3 + 3);
        builder.AddLines(text);
        return builder.Build();
    }

    /// <summary>The rank of the token with exactly these bytes, or -1 when no token has them.</summary>
    public int Rank(ReadOnlySpan<byte> token)
    {
        var slot = Hash(token) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (Token(entry - 1).SequenceEqual(token))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public ReadOnlySpan<byte> Token(int rank) => _bytes.AsSpan(_starts[rank], _starts[rank + 1] - _starts[rank]);

    private static int Hash(ReadOnlySpan<byte> token)
    {
        // FNV-1a: tokens average seven bytes, and the table only has to spread them, not resist an attacker
        // (the vocabulary is fixed, so no input can add collisions).
        var hash = 2166136261u;
        foreach (var b in token)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    /// <summary>Collects tokens line by line, in arrays that grow by half when full and are not trimmed after.</summary>
    private sealed class Builder
    {
        private byte[] _bytes;
        private int[] _starts = new int[200_001];
        private int _count;
        private int _used;

        public Builder(int capacity) => _bytes = new byte[Math.Max(capacity, 16)];

        public void AddLines(ReadOnlySpan<byte> text)
        {
            while (!text.IsEmpty)
            {
                var end = text.IndexOf((byte)'\n');
                var line = end < 0 ? text : text[..end];
                text = end < 0 ? [] : text[(end + 1)..];
                Add(line.TrimEnd((byte)'\r'));
            }
        }

        public O200kVocabulary Build()
        {
            Reserve(ref _starts, _count + 1);
            _starts[_count] = _used;
            return new O200kVocabulary(_bytes, _starts, _count);
        }

        private void Add(ReadOnlySpan<byte> line)
        {
            if (line.IsEmpty || line.Contains((byte)':'))
            {
                return;
            }

            var space = line.IndexOf((byte)' ');
            var encoded = space < 0 ? line : line[..space];
            if (space >= 0 && (!int.TryParse(line[(space + 1)..], out var rank) || rank != _count))
            {
                throw new InvalidDataException($"The vocabulary's ranks are not contiguous at line {_count + 1}.");
            }

            Reserve(ref _bytes, _used + (encoded.Length / 4 * 3) + 3);
            if (Base64.DecodeFromUtf8(encoded, _bytes.AsSpan(_used), out _, out var written) != System.Buffers.OperationStatus.Done || written == 0)
            {
                throw new InvalidDataException($"Line {_count + 1} of the vocabulary is not base64.");
            }

            Reserve(ref _starts, _count + 1);
            _starts[_count++] = _used;
            _used += written;
        }

        private static void Reserve<T>(ref T[] array, int length)
        {
            if (length > array.Length)
            {
                Array.Resize(ref array, Math.Max(length, array.Length + (array.Length / 2)));
            }
        }
    }
}
