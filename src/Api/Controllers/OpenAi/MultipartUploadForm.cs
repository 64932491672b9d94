using LlmPlatform.Application.Jobs.Files;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>
/// A request's multipart body read section by section with <see cref="MultipartReader"/>: nothing is buffered. A body
/// that ends before its closing boundary is the client's error (<see cref="InvalidDataException"/>, a 400), not an
/// I/O failure of the server.
/// </summary>
internal sealed class MultipartUploadForm : IUploadForm
{
    private const string Truncated = "The multipart body ended before its closing boundary.";

    private readonly MultipartReader _reader;

    public MultipartUploadForm(string boundary, Stream body)
    {
        _reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
    }

    /// <summary>The boundary of a <c>multipart/form-data</c> content type, or null when the request is not one.</summary>
    public static string? BoundaryOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) ? null : boundary;
    }

    public async Task<UploadPart?> NextPartAsync(CancellationToken cancellationToken)
    {
        while (await NextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            return new UploadPart(name, string.IsNullOrEmpty(fileName) ? null : fileName, new SectionBody(section.Body));
        }

        return null;
    }

    private async Task<MultipartSection?> NextSectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw new InvalidDataException(Truncated, ex);
        }
    }

    /// <summary>A section's content, read-only, with the early end of the request body reported as bad data.</summary>
    private sealed class SectionBody : Stream
    {
        private readonly Stream _inner;

        public SectionBody(Stream inner)
        {
            _inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return _inner.Read(buffer);
            }
            catch (IOException ex) when (ex is not BadHttpRequestException)
            {
                throw new InvalidDataException(Truncated, ex);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex is not BadHttpRequestException)
            {
                throw new InvalidDataException(Truncated, ex);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
