using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>
/// A read-only, non-seekable stream of <c>length</c> deterministic pseudo-random bytes, none of them a line break,
/// made as they are read (nothing held beyond the caller's buffer), hashing what it hands out with SHA-256.
/// </summary>
internal sealed class GeneratedContentStream : Stream
{
    private readonly long _length;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ulong _state;
    private long _position;
    private byte[]? _sha256;

    public GeneratedContentStream(long length, ulong seed)
    {
        _length = length;
        _state = seed | 1;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of the whole content, known once the stream has been read to its end (also after disposal).</summary>
    public byte[] Sha256() => _sha256 ?? throw new InvalidOperationException("The stream has not been read to its end.");

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, _length - _position);
        var span = buffer[..count];
        Span<byte> word = stackalloc byte[sizeof(ulong)];
        for (var i = 0; i < span.Length; i += sizeof(ulong))
        {
            // xorshift64: cheap and deterministic for a given seed and position (every read is a multiple of 8 but the last).
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            BinaryPrimitives.WriteUInt64LittleEndian(word, _state);
            word[..Math.Min(sizeof(ulong), span.Length - i)].CopyTo(span[i..]);
        }

        // No line breaks: one 'line' as long as the file, the worst case for anything that reads an upload line by line.
        span.Replace((byte)'\n', (byte)'~');
        _hash.AppendData(span);
        _position += count;
        if (_position == _length)
        {
            _sha256 ??= _hash.GetCurrentHash();
        }

        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
