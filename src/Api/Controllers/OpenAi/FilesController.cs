using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Jobs;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>/v1/files</c>: upload (streamed multipart), list, get, content, delete.</summary>
[Tags("OpenAI")]
public sealed class FilesController : DialectController
{
    /// <summary>Room for the multipart framing and the other form fields around the file.</summary>
    private const long FormOverheadBytes = 1024 * 1024;

    private readonly FileLimits _limits;

    public FilesController(IMediator mediator, FileLimits limits)
        : base(mediator)
    {
        _limits = limits;
    }

    [HttpPost("/v1/files")]
    [HttpPost("/files")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<FileObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Upload()
    {
        // No bound parameters (not even a CancellationToken): binding any would make MVC read the whole form first.
        var cancellationToken = HttpContext.RequestAborted;
        // Only this route takes bodies beyond max_request_size_mb: up to the largest per-purpose limit.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = _limits.Largest + FormOverheadBytes;
        }

        var boundary = MultipartUploadForm.BoundaryOf(Request.ContentType);
        if (boundary is null)
        {
            return Failure(Error.Validation("Send the file as multipart/form-data with the fields 'file' and 'purpose'.", "file"));
        }

        var form = new MultipartUploadForm(boundary, Request.Body);
        return ToResult(await Mediator.Send(new UploadFileCommand(form, Caller), cancellationToken));
    }

    [HttpGet("/v1/files")]
    [HttpGet("/files")]
    [ProducesResponseType<ListPage<FileObject>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] string? purpose, [FromQuery] int? limit, [FromQuery] string? after, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListFilesQuery(Caller, purpose, limit, after), cancellationToken));

    [HttpGet("/v1/files/{fileId}")]
    [HttpGet("/files/{fileId}")]
    [ProducesResponseType<FileObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string fileId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetFileQuery(Caller, fileId), cancellationToken));

    [HttpGet("/v1/files/{fileId}/content")]
    [HttpGet("/files/{fileId}/content")]
    [Produces("application/octet-stream")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Content(string fileId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetFileContentQuery(Caller, fileId), cancellationToken);
        return result.IsSuccess
            ? File(result.Value.Content, "application/octet-stream", result.Value.Filename)
            : Failure(result.Error!);
    }

    [HttpDelete("/v1/files/{fileId}")]
    [HttpDelete("/files/{fileId}")]
    [ProducesResponseType<FileDeleted>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string fileId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteFileCommand(Caller, fileId), cancellationToken));
}
