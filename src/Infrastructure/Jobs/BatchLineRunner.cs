using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Gateway.Completions;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Embeddings;
using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Persistence;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// Runs one batch line exactly as live traffic runs: the same MediatR command, so the same admission (the key's
/// models, rate limits and budgets), router and spend ledger, with the line's request id as the ledger's id.
/// </summary>
internal sealed class BatchLineRunner
{
    private readonly IServiceScopeFactory _scopes;

    public BatchLineRunner(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    /// <summary>The line's answer; a failure carries the gateway's error (the caller decides what to retry).</summary>
    public async Task<Result<string>> RunAsync(string endpoint, BatchLine line, CallerIdentity caller, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            switch (endpoint)
            {
                case BatchEndpoints.ChatCompletions:
                    {
                        var request = JsonSerializer.Deserialize(line.Body, GatewayJsonContext.Default.ChatCompletionRequest)! with { Stream = false, StreamOptions = null };
                        var result = await mediator.Send(new CreateChatCompletionCommand(request, caller, line.RequestId), cancellationToken).ConfigureAwait(false);
                        return result.IsSuccess
                            ? JsonSerializer.Serialize(result.Value.Response!, GatewayJsonContext.Default.ChatCompletionResponse)
                            : result.Error!;
                    }

                case BatchEndpoints.Embeddings:
                    {
                        var request = JsonSerializer.Deserialize(line.Body, GatewayJsonContext.Default.EmbeddingsRequest)!;
                        var result = await mediator.Send(new CreateEmbeddingsCommand(request, caller, line.RequestId), cancellationToken).ConfigureAwait(false);
                        return result.IsSuccess
                            ? JsonSerializer.Serialize(result.Value, GatewayJsonContext.Default.EmbeddingsResponse)
                            : result.Error!;
                    }

                case BatchEndpoints.Completions:
                    {
                        var request = JsonSerializer.Deserialize(line.Body, GatewayJsonContext.Default.TextCompletionRequest)! with { Stream = false };
                        var result = await mediator.Send(new CreateCompletionCommand(request, caller, line.RequestId), cancellationToken).ConfigureAwait(false);
                        return result.IsSuccess
                            ? JsonSerializer.Serialize(result.Value.Response!, GatewayJsonContext.Default.TextCompletionResponse)
                            : result.Error!;
                    }

                default:
                    return Error.Validation($"The endpoint '{endpoint}' cannot be batched.", "url");
            }
        }
        catch (JsonException ex)
        {
            return Error.Validation("The request body does not match the endpoint's schema: " + ex.Message, "body");
        }
        catch (Exception ex) when (DatabaseText.Rejected(ex))
        {
            // A NUL or an unpaired surrogate in a value the request stores or looks up (its end user, say): live
            // traffic gets a 400 for it; the line fails, instead of staying pending and running again for ever.
            return new Error(ErrorKind.Validation, "invalid_text", DatabaseText.RejectedMessage);
        }
    }
}
