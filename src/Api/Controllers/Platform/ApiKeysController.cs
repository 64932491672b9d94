using System.Text.Json;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>
/// The Platform API's keys (seed 001): <c>/auth/api-keys</c>, also under <c>/v1</c>. They are the gateway's virtual
/// keys: <c>name</c> is the key alias, <c>rate_limit</c> its RPM and TPM limits, <c>permissions</c> the routes it may
/// call. A caller sees and revokes the keys <c>/key/list</c> and <c>/key/delete</c> would let it.
/// </summary>
[Tags("API keys")]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status403Forbidden)]
public sealed class ApiKeysController : DialectController
{
    private const int MaxPages = 100;

    private readonly TimeProvider _time;

    public ApiKeysController(IMediator mediator, TimeProvider time)
        : base(mediator)
    {
        _time = time;
    }

    [HttpPost("/auth/api-keys")]
    [HttpPost("/v1/auth/api-keys")]
    [ProducesResponseType<ApiKeyView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var permissions = request.Permissions ?? [];
        if (Refusal(request, permissions) is { } refused)
        {
            return Failure(refused);
        }

        var fields = new KeyFields
        {
            KeyAlias = request.Name,
            RpmLimit = request.RateLimit?.RequestsPerMinute,
            TpmLimit = request.RateLimit?.TokensPerMinute,
            Expires = request.ExpiresAt,
            AllowedRoutes = ApiKeyPermissions.RoutesOf(permissions),
            Metadata = new Dictionary<string, JsonElement> { [ApiKeyPermissions.MetadataField] = JsonSerializer.SerializeToElement(permissions) },
        };
        var result = await Mediator.Send(new GenerateKeyCommand(fields, null, Caller), cancellationToken);
        return ToResult(result.Map(generated => View(generated.Info) with { ApiKey = generated.Key }));
    }

    [HttpGet("/auth/api-keys")]
    [HttpGet("/v1/auth/api-keys")]
    [ProducesResponseType<ApiKeyList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyView>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await Mediator.Send(new ListKeysQuery(new KeyQuery { Page = page, PageSize = 100 }, Caller), cancellationToken);
            if (!result.IsSuccess)
            {
                return Failure(result.Error!);
            }

            keys.AddRange(result.Value.Keys.Select(View));
            if (page >= result.Value.TotalPages)
            {
                break;
            }
        }

        return Ok(new ApiKeyList(keys));
    }

    [HttpDelete("/auth/api-keys/{keyId}")]
    [HttpDelete("/v1/auth/api-keys/{keyId}")]
    [ProducesResponseType<ApiKeyDeleted>(StatusCodes.Status200OK)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string keyId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new DeleteKeysCommand([keyId], null, Caller), cancellationToken);
        if (result.IsSuccess && result.Value.Count == 0)
        {
            return Failure(Error.NotFound("key_not_found", $"No API key has the id '{keyId}'."));
        }

        return ToResult(result.Map(_ => new ApiKeyDeleted(keyId)));
    }

    private Error? Refusal(CreateApiKeyRequest request, IReadOnlyList<string> permissions)
    {
        if (request.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            return Error.Validation("'name' must not be blank.", "name");
        }

        foreach (var permission in permissions)
        {
            if (permission is null || !ApiKeyPermissions.IsKnown(permission))
            {
                return Error.Validation(
                    $"Unknown permission '{permission ?? "null"}'; the permissions are {string.Join(", ", ApiKeyPermissions.Known)}.",
                    "permissions");
            }
        }

        if (request.RateLimit?.RequestsPerMinute is <= 0)
        {
            return Error.Validation("'rate_limit.requests_per_minute' must be a positive integer.", "rate_limit.requests_per_minute");
        }

        if (request.RateLimit?.TokensPerMinute is <= 0)
        {
            return Error.Validation("'rate_limit.tokens_per_minute' must be a positive integer.", "rate_limit.tokens_per_minute");
        }

        return request.ExpiresAt is { } expires && expires <= _time.GetUtcNow()
            ? Error.Validation("'expires_at' must be in the future.", "expires_at")
            : null;
    }

    private static ApiKeyView View(KeyInfo key) => new()
    {
        Id = key.Token,
        Name = key.KeyAlias,
        KeyName = key.KeyName,
        Permissions = key.Metadata.TryGetValue(ApiKeyPermissions.MetadataField, out var stored) && stored.ValueKind == JsonValueKind.Array
            ? stored.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList()
            : [],
        RateLimit = new ApiKeyRateLimit { RequestsPerMinute = key.RpmLimit, TokensPerMinute = key.TpmLimit },
        CreatedAt = key.CreatedAt,
        ExpiresAt = key.Expires,
    };
}
