namespace LlmPlatform.Application.Jobs.Files;

/// <summary>
/// Reads an upload through: counts its bytes, ends early once it passes the size limit (<see cref="Exceeded"/>),
/// and hands every byte to the batch validator when there is one.
/// </summary>
internal sealed class UploadInspectionStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly BatchLineValidator? _validator;

    public UploadInspectionStream(Stream inner, long limit, BatchLineValidator? validator)
    {
        _inner = inner;
        _limit = limit;
        _validator = validator;
    }

    public long BytesRead { get; private set; }

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Exceeded)
        {
            return 0;
        }

        var read = _inner.Read(buffer);
        return Inspect(buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Exceeded)
        {
            return 0;
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Inspect(buffer.Span[..read]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Inspect(ReadOnlySpan<byte> bytes)
    {
        BytesRead += bytes.Length;
        if (BytesRead > _limit)
        {
            Exceeded = true;
            return 0;
        }

        _validator?.Append(bytes);
        return bytes.Length;
    }
}
