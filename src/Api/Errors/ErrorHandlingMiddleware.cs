using LlmPlatform.Api.Hosting;
using LlmPlatform.Infrastructure.Persistence;

namespace LlmPlatform.Api.Errors;

/// <summary>
/// The one place exceptions become responses: a bad request from Kestrel keeps its status (413 for an
/// oversized body), a body that breaks its own framing is a 400, anything else is a 500 with no stack trace. Also gives empty 404/405 answers the envelope,
/// and finishes the request's server span with the outcome.
/// </summary>
internal sealed partial class ErrorHandlingMiddleware
{
    private const string TooLongText = "A value in the request (an id or a name) is too long to be stored; use a shorter one.";

    private readonly RequestDelegate _next;
    private readonly ILogger<ErrorHandlingMiddleware> _logger;

    public ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            try
            {
                await _next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex)
            {
                var message = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is larger than this server accepts."
                    : "The request could not be read: " + ex.Message;
                await ErrorWriter.WriteAsync(context, ex.StatusCode, message, "invalid_request_error", null, ex.StatusCode == 413 ? "request_too_large" : "bad_request").ConfigureAwait(false);
                return;
            }
            catch (InvalidDataException ex) when (!context.Response.HasStarted)
            {
                // A body that breaks its own framing (a multipart section with no headers, say): the client's fault.
                await ErrorWriter.WriteAsync(context, 400, "The request body could not be read: " + ex.Message, "invalid_request_error", null, "bad_request").ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client left; nobody is listening for an answer.
                return;
            }
            catch (Exception ex) when (!context.Response.HasStarted && DatabaseText.Rejected(ex))
            {
                // A NUL or an unpaired surrogate in a value that was to be stored or looked up: nothing was written.
                await ErrorWriter.WriteAsync(context, 400, DatabaseText.RejectedMessage, "invalid_request_error", null, "invalid_text").ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!context.Response.HasStarted && DataRejection.TooLarge(ex))
            {
                // An id or a name too long to index (PostgreSQL's limit is about 2.7 KB once compressed): nothing was written.
                await ErrorWriter.WriteAsync(context, 400, TooLongText, "invalid_request_error", null, "value_too_long").ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!context.Response.HasStarted && UndecodableText.In(ex))
            {
                // A body read as a JSON document decodes its strings only when a handler asks for them.
                await ErrorWriter.WriteAsync(context, 400, UndecodableText.Message, "invalid_request_error", null, "invalid_text").ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                LogUnhandled(_logger, ex, context.Request.Path);
                await ErrorWriter.WriteAsync(context, 500, "The server failed to handle this request.", "internal_server_error", null, "internal_error").ConfigureAwait(false);
                return;
            }

            var response = context.Response;
            if (!response.HasStarted && response.StatusCode >= 400 && (response.ContentLength is null or 0) && response.ContentType is null)
            {
                // An empty error from the framework (no route, wrong method, unsupported media type): give it the envelope.
                var (message, code) = response.StatusCode switch
                {
                    404 => ($"No route for {context.Request.Method} {context.Request.Path}.", "not_found"),
                    405 => ($"The method {context.Request.Method} is not allowed on {context.Request.Path}.", "method_not_allowed"),
                    415 => (UnsupportedMediaType(context), "unsupported_media_type"),
                    _ => ("The request could not be handled.", "request_failed"),
                };
                var type = response.StatusCode switch
                {
                    >= 500 => "api_error",
                    404 => "not_found_error",
                    _ => "invalid_request_error",
                };
                await ErrorWriter.WriteAsync(context, response.StatusCode, message, type, null, code).ConfigureAwait(false);
            }
        }
        finally
        {
            // Outermost but for the request id, so it sees the status the client gets.
            ServerSpan.Complete(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);

    /// <summary>
    /// A 415's message: what the endpoint takes when it says so. When routing refused the request for its content type
    /// (an upload sent as JSON), the endpoint is routing's own and says nothing, so the message names both kinds.
    /// </summary>
    private static string UnsupportedMediaType(HttpContext context)
    {
        var types = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes;
        if (types is { Count: > 0 })
        {
            return "The request body must be sent as " + string.Join(" or ", types) + ".";
        }

        var sent = context.Request.ContentType is { Length: > 0 } given ? $"'{given}'" : "no Content-Type";
        return $"This endpoint does not take {sent}: JSON endpoints take application/json, and file uploads (POST /v1/files) take multipart/form-data.";
    }
}
