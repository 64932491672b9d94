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
        // The text inflates to a little over twice the resource; sized up front, the stream never regrows.
        using var text = new MemoryStream((int)Math.Min(resource.Length * 3, int.MaxValue / 2));
        inflated.CopyTo(text);
        return Parse(text.GetBuffer().AsSpan(0, (int)text.Length));
    }

    /// <summary>
    /// Reads the tiktoken text form: one token a line in base64, optionally followed by a space and its rank; ranks
    /// must run 0, 1, 2, ... A line holding a colon is a header and is skipped.
    /// </summary>
    public static O200kVocabulary Parse(ReadOnlySpan<byte> text)
    {
        var bytes = new byte[text.Length / 4 * 3 + 3];
        var starts = new List<int>(200_000);
        var used = 0;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            line = line.TrimEnd((byte)'\r');
            if (line.IsEmpty || line.Contains((byte)':'))
            {
                continue;
            }

            var space = line.IndexOf((byte)' ');
            var encoded = space < 0 ? line : line[..space];
            if (space >= 0 && (!int.TryParse(line[(space + 1)..], out var rank) || rank != starts.Count))
            {
                throw new InvalidDataException($"The vocabulary's ranks are not contiguous at line {starts.Count + 1}.");
            }

            if (Base64.DecodeFromUtf8(encoded, bytes.AsSpan(used), out _, out var written) != System.Buffers.OperationStatus.Done || written == 0)
            {
                throw new InvalidDataException($"Line {starts.Count + 1} of the vocabulary is not base64.");
            }

            starts.Add(used);
            used += written;
        }

        starts.Add(used);
        Array.Resize(ref bytes, used);
        return new O200kVocabulary(bytes, [.. starts], starts.Count - 1);
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
}
