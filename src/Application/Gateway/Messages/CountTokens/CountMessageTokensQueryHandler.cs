using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Gateway.Messages.Contracts;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Gateway.Messages.CountTokens;

/// <summary>Translates the request as <c>/v1/messages</c> would and counts its prompt, tool definitions included.</summary>
internal sealed class CountMessageTokensQueryHandler : IRequestHandler<CountMessageTokensQuery, Result<AnthropicTokenCount>>
{
    private readonly IModelCatalog _catalog;
    private readonly ITokenCounter _tokens;

    public CountMessageTokensQueryHandler(IModelCatalog catalog, ITokenCounter tokens)
    {
        _catalog = catalog;
        _tokens = tokens;
    }

    public Task<Result<AnthropicTokenCount>> Handle(CountMessageTokensQuery query, CancellationToken cancellationToken)
    {
        // count_tokens needs no max_tokens; any positive value lets the shared translation run.
        var chat = AnthropicRequestTranslator.ToChat(query.Request with { MaxTokens = query.Request.MaxTokens ?? 1 });
        if (!chat.IsSuccess)
        {
            return Task.FromResult(Result<AnthropicTokenCount>.Failure(chat.Error!));
        }

        var resolved = ModelResolution.Resolve(_catalog, query.Caller, query.Request.Model!, "token counting", _ => true);
        if (!resolved.IsSuccess)
        {
            return Task.FromResult(Result<AnthropicTokenCount>.Failure(resolved.Error!));
        }

        var request = chat.Value;
        var count = _tokens.CountPrompt(request.Messages!);
        foreach (var tool in request.Tools ?? [])
        {
            count += _tokens.CountText(tool.Function?.Name) + _tokens.CountText(tool.Function?.Description)
                + _tokens.CountText(tool.Function?.Parameters?.GetRawText());
        }

        return Task.FromResult(Result<AnthropicTokenCount>.Success(new AnthropicTokenCount { InputTokens = count }));
    }
}
