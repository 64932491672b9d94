using System.Buffers;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Gateway.PassThrough;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.PassThrough;

/// <summary>
/// <c>ANY /v1/{provider}/{**path}</c>: the raw request goes to a configured deployment of that provider, with the
/// gateway's stored credential instead of the caller's key; the answer streams back as the upstream sent it. The
/// provider must be one the gateway knows, and the route is ordered last, so it never shadows a specific route.
/// Left out of the OpenAPI document: the body and answer are the provider's own, not the gateway's.
/// </summary>
[Tags("Pass-through")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class PassThroughController : DialectController
{
    private const string Providers = "^(openai|anthropic|azure|cohere|gemini|ollama|mistral|groq|hosted_vllm|vllm|openai_compatible)$";

    /// <summary>Client headers that may go upstream; credentials and hop-by-hop headers never do.</summary>
    private static readonly string[] ForwardedHeaders = ["Accept", "anthropic-version", "anthropic-beta", "OpenAI-Beta"];

    public PassThroughController(IMediator mediator)
        : base(mediator)
    {
    }

    [AcceptVerbs("GET", "POST", "PUT", "PATCH", "DELETE", Route = "/v1/{provider:regex(" + Providers + ")}/{**path}", Order = 1000)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Forward(string provider, string? path, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in ForwardedHeaders)
        {
            if (Request.Headers.TryGetValue(name, out var value))
            {
                headers.Add(new(name, value.ToString()));
            }
        }

        var hasBody = Request.ContentLength > 0 || Request.Headers.TransferEncoding.Count > 0;
        var request = new PassThroughRequest(Request.Method, path ?? string.Empty, Request.QueryString.Value ?? string.Empty, hasBody ? Request.Body : null, Request.ContentType, headers);
        var result = await Mediator.Send(new PassThroughCommand(provider, request, Caller, RequestId), cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        await using var upstream = result.Value;
        Response.StatusCode = upstream.Status;
        foreach (var (name, value) in upstream.Headers)
        {
            Response.Headers[name] = value;
        }

        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await CopyAsync(upstream.Body, cancellationToken);
        if (!Response.HasStarted && !cancellationToken.IsCancellationRequested)
        {
            // An upstream answer with no body (a bare 404, a 204) goes out as it came: started here, nothing after the
            // action mistakes it for an empty error of the gateway's own and fills it in.
            await Response.StartAsync(cancellationToken);
        }

        return new EmptyResult();
    }

    /// <summary>Copies the upstream body and flushes after every read, so streamed answers arrive as they are produced.</summary>
    private async Task CopyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The upstream cut the body; the status is already sent, so the client sees the cut.
            HttpContext.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
