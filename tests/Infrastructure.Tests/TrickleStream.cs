namespace LlmPlatform.Infrastructure.Tests;

/// <summary>
/// A read-only stream that hands out at most <c>step</c> bytes per read, as a socket or a decompressor may, and does
/// not tell its length (a chunked body's is unknown too).
/// </summary>
internal sealed class TrickleStream(byte[] bytes, int step = 1) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(step, count));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(step, buffer.Length)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(step, count), cancellationToken);
}
