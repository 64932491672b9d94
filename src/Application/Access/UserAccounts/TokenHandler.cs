using System.Globalization;
using System.Text.Json;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// Personal API tokens: more keys of the caller's user, made, listed and deleted by the key use cases (so a token
/// never gets more than its user has). The token's name and scopes are kept in the key's metadata.
/// </summary>
internal sealed class TokenHandler :
    IRequestHandler<CreateUserTokenCommand, Result<TokenCreated>>,
    IRequestHandler<ListUserTokensQuery, Result<TokenList>>,
    IRequestHandler<RevokeUserTokenCommand, Result<TokenRevoked>>
{
    private readonly IMediator _mediator;
    private readonly IKeyStore _keys;

    public TokenHandler(IMediator mediator, IKeyStore keys)
    {
        _mediator = mediator;
        _keys = keys;
    }

    public async Task<Result<TokenCreated>> Handle(CreateUserTokenCommand request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        var metadata = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [TokenMetadata.Kind] = JsonSerializer.SerializeToElement(TokenMetadata.TokenKind),
            [TokenMetadata.Scopes] = JsonSerializer.SerializeToElement(request.Scopes?.Distinct(StringComparer.Ordinal).ToList() ?? []),
        };
        if (request.Name is { } name)
        {
            metadata[TokenMetadata.Name] = JsonSerializer.SerializeToElement(name);
        }

        var fields = new KeyFields
        {
            UserId = userId,
            Duration = request.ExpiresDays is { } days ? days.ToString(CultureInfo.InvariantCulture) + "d" : null,
            Metadata = metadata,
        };
        var generated = await _mediator.Send(new GenerateKeyCommand(fields, null, request.Caller), cancellationToken).ConfigureAwait(false);
        return generated.Map(g => new TokenCreated(g.Key, InfoOf(g.Info)));
    }

    public async Task<Result<TokenList>> Handle(ListUserTokensQuery request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        var tokens = await UserTokensAsync(userId, cancellationToken).ConfigureAwait(false);
        return new TokenList(tokens.Select(InfoOf).ToList());
    }

    public async Task<Result<TokenRevoked>> Handle(RevokeUserTokenCommand request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        var key = await _keys.FindAsync(request.TokenId, cancellationToken).ConfigureAwait(false);
        if (key is null || key.UserId != userId || !IsToken(key))
        {
            return GatewayUserErrors.TokenNotFound(request.TokenId);
        }

        var deleted = await _mediator.Send(new DeleteKeysCommand([key.Token], null, request.Caller), cancellationToken).ConfigureAwait(false);
        return deleted.Map(_ => new TokenRevoked(key.Token, true));
    }

    private async Task<IReadOnlyList<KeyInfo>> UserTokensAsync(string userId, CancellationToken cancellationToken)
    {
        var found = new List<KeyInfo>();
        for (var page = 1; ; page++)
        {
            var (keys, total) = await _keys.ListAsync(new KeyQuery { UserId = userId, Page = page, PageSize = 100 }, cancellationToken).ConfigureAwait(false);
            found.AddRange(keys.Where(IsToken));
            if (keys.Count == 0 || page * 100 >= total)
            {
                return found;
            }
        }
    }

    private static bool IsToken(KeyInfo key) =>
        key.Metadata.TryGetValue(TokenMetadata.Kind, out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == TokenMetadata.TokenKind;

    private static TokenInfo InfoOf(KeyInfo key) => new()
    {
        Id = key.Token,
        Name = key.Metadata.TryGetValue(TokenMetadata.Name, out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
        Scopes = key.Metadata.TryGetValue(TokenMetadata.Scopes, out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList()
            : [],
        CreatedAt = key.CreatedAt,
        ExpiresAt = key.Expires,
    };
}
