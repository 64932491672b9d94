using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmPlatform.Infrastructure.Tokens;

/// <summary>
/// Counts o200k_base tokens the way tiktoken encodes them: special tokens are cut out first, the rest is split by
/// the encoding's pattern, and each piece that is not a token itself is merged byte pair by byte pair, lowest rank
/// first (leftmost on a tie), until no adjacent pair is a token.
/// </summary>
internal sealed partial class O200kEncoding
{
    private static readonly string[] SpecialTokens = ["<|endoftext|>", "<|endofprompt|>"];

    private readonly O200kVocabulary _vocabulary;

    public O200kEncoding(O200kVocabulary vocabulary) => _vocabulary = vocabulary;

    public int CountTokens(ReadOnlySpan<char> text)
    {
        var total = 0;
        while (!text.IsEmpty)
        {
            var (at, length) = NextSpecialToken(text);
            total += CountOrdinary(at < 0 ? text : text[..at]);
            if (at < 0)
            {
                break;
            }

            total++;
            text = text[(at + length)..];
        }

        return total;
    }

    private static (int At, int Length) NextSpecialToken(ReadOnlySpan<char> text)
    {
        var best = (At: -1, Length: 0);
        foreach (var special in SpecialTokens)
        {
            var at = text.IndexOf(special, StringComparison.Ordinal);
            if (at >= 0 && (best.At < 0 || at < best.At))
            {
                best = (at, special.Length);
            }
        }

        return best;
    }

    private int CountOrdinary(ReadOnlySpan<char> text)
    {
        var total = 0;
        byte[]? rented = null;
        Span<byte> buffer = stackalloc byte[256];
        try
        {
            foreach (var match in Pieces().EnumerateMatches(text))
            {
                var piece = text.Slice(match.Index, match.Length);
                var needed = Encoding.UTF8.GetMaxByteCount(piece.Length);
                if (needed > buffer.Length)
                {
                    if (rented is not null)
                    {
                        ArrayPool<byte>.Shared.Return(rented);
                    }

                    rented = ArrayPool<byte>.Shared.Rent(needed);
                    buffer = rented;
                }

                var written = Encoding.UTF8.GetBytes(piece, buffer);
                total += CountPiece(buffer[..written]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return total;
    }

    private int CountPiece(ReadOnlySpan<byte> piece)
    {
        if (piece.Length <= 1 || _vocabulary.Rank(piece) >= 0)
        {
            return piece.Length == 0 ? 0 : 1;
        }

        // Parts start as single bytes, linked by next/previous; a part is the bytes from its index to the next
        // part's. Each queued entry proposes merging a part with its successor, keyed by (rank, position) so the
        // lowest rank wins and the leftmost wins a tie; an entry whose part changed since is stale and skipped.
        var n = piece.Length;
        var next = ArrayPool<int>.Shared.Rent(n);
        var previous = ArrayPool<int>.Shared.Rent(n);
        var version = ArrayPool<int>.Shared.Rent(n);
        var queue = new PriorityQueue<(int Part, int Version), long>();
        try
        {
            for (var i = 0; i < n; i++)
            {
                next[i] = i + 1;
                previous[i] = i - 1;
                version[i] = 0;
            }

            for (var i = 0; i + 1 < n; i++)
            {
                Propose(piece, next, version, queue, i);
            }

            var parts = n;
            while (queue.TryDequeue(out var entry, out _))
            {
                var part = entry.Part;
                if (entry.Version != version[part])
                {
                    continue;
                }

                var absorbed = next[part];
                next[part] = next[absorbed];
                if (next[part] < n)
                {
                    previous[next[part]] = part;
                }

                version[absorbed]++;
                version[part]++;
                parts--;
                Propose(piece, next, version, queue, part);
                if (previous[part] >= 0)
                {
                    version[previous[part]]++;
                    Propose(piece, next, version, queue, previous[part]);
                }
            }

            return parts;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(previous);
            ArrayPool<int>.Shared.Return(version);
        }
    }

    private void Propose(ReadOnlySpan<byte> piece, int[] next, int[] version, PriorityQueue<(int Part, int Version), long> queue, int part)
    {
        var second = next[part];
        if (second >= piece.Length)
        {
            return;
        }

        var rank = _vocabulary.Rank(piece[part..next[second]]);
        if (rank >= 0)
        {
            queue.Enqueue((part, version[part]), ((long)rank << 32) | (uint)part);
        }
    }

    // The o200k_base split pattern: words with an optional leading mark and English contraction, runs of up to
    // three digits, punctuation runs, line breaks and other whitespace.
    [GeneratedRegex(
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|\p{N}{1,3}"
        + @"| ?[^\s\p{L}\p{N}]+[\r\n/]*"
        + @"|\s*[\r\n]+"
        + @"|\s+(?!\S)"
        + @"|\s+",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pieces();
}
