using LlmPlatform.Application.Jobs.Files;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>A request's multipart body read section by section with <see cref="MultipartReader"/>: nothing is buffered.</summary>
internal sealed class MultipartUploadForm : IUploadForm
{
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
        while (await _reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            return new UploadPart(name, string.IsNullOrEmpty(fileName) ? null : fileName, section.Body);
        }

        return null;
    }
}
