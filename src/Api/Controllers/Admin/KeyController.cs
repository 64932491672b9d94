using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.Keys;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's virtual-key endpoints: <c>/key/*</c>.</summary>
public sealed class KeyController : AdminController
{
    public KeyController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/key/generate")]
    [RequestBodySchema(typeof(KeyFields), "key")]
    [ResponseBodySchema(typeof(KeyInfo), "key", "token_id")]
    public async Task<IActionResult> Generate([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<KeyFields>(body, out var fields, out var failure) || !TryString(body, "key", out var key, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new GenerateKeyCommand(fields, key, Caller), cancellationToken);
        return Answer(result, Generated);
    }

    [HttpPost("/key/update")]
    [RequestBodySchema(typeof(KeyFields), "key")]
    [ResponseBodySchema(typeof(KeyInfo), "key")]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<KeyFields>(body, out var fields, out var failure) || !TryString(body, "key", out var key, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new UpdateKeyCommand(key, fields, Caller), cancellationToken);
        return Answer(result, info => Shape(info, ("key", info.Token)));
    }

    [HttpGet("/key/info")]
    [ProducesResponseType<KeyInfoResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery] string? key, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetKeyInfoQuery(key, Caller), cancellationToken);
        return Answer(result, info => new { key = info.Token, info });
    }

    [HttpGet("/key/list")]
    [ProducesResponseType<KeyListResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [FromQuery(Name = "page")] int? page,
        [FromQuery(Name = "size")] int? size,
        [FromQuery(Name = "user_id")] string? userId,
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "organization_id")] string? organizationId,
        [FromQuery(Name = "key_alias")] string? keyAlias,
        [FromQuery(Name = "return_full_object")] bool? returnFullObject,
        CancellationToken cancellationToken)
    {
        var query = new KeyQuery
        {
            Page = page ?? 1,
            PageSize = size ?? 10,
            UserId = userId,
            TeamId = teamId,
            OrganizationId = organizationId,
            KeyAlias = keyAlias,
        };
        var result = await Mediator.Send(new ListKeysQuery(query, Caller), cancellationToken);
        return Answer(result, p => new
        {
            keys = returnFullObject == true ? p.Keys.Cast<object>().ToList() : p.Keys.Select(k => (object)k.Token).ToList(),
            total_count = p.TotalCount,
            current_page = p.CurrentPage,
            total_pages = p.TotalPages,
        });
    }

    [HttpPost("/key/delete")]
    [RequestBodySchema(typeof(KeyDeleteRequest))]
    [ProducesResponseType<KeyDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "keys", out var keys, out var failure) || !TryStrings(body, "key_aliases", out var aliases, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new DeleteKeysCommand(keys, aliases, Caller), cancellationToken);
        return Answer(result, deleted => new { deleted_keys = deleted });
    }

    [HttpPost("/key/regenerate")]
    [HttpPost("/key/{key}/regenerate")]
    [RequestBodySchema(typeof(KeyFields), "key", Required = false)]
    [ResponseBodySchema(typeof(KeyInfo), "key", "token_id")]
    public async Task<IActionResult> Regenerate(
        string? key,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] JsonElement? body,
        CancellationToken cancellationToken)
    {
        using var empty = JsonDocument.Parse("{}");
        var json = body is { ValueKind: JsonValueKind.Object } given ? given : empty.RootElement;
        if (!TryRead<KeyFields>(json, out var fields, out var failure) || !TryString(json, "key", out var bodyKey, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new RegenerateKeyCommand(key ?? bodyKey, fields, Caller), cancellationToken);
        return Answer(result, Generated);
    }

    [HttpPost("/key/block")]
    [RequestBodySchema(typeof(KeyReference))]
    [ProducesResponseType<KeyInfo>(StatusCodes.Status200OK)]
    public Task<IActionResult> Block([FromBody] JsonElement body, CancellationToken cancellationToken) => SetBlocked(body, true, cancellationToken);

    [HttpPost("/key/unblock")]
    [RequestBodySchema(typeof(KeyReference))]
    [ProducesResponseType<KeyInfo>(StatusCodes.Status200OK)]
    public Task<IActionResult> Unblock([FromBody] JsonElement body, CancellationToken cancellationToken) => SetBlocked(body, false, cancellationToken);

    private async Task<IActionResult> SetBlocked(JsonElement body, bool blocked, CancellationToken cancellationToken)
    {
        if (!TryString(body, "key", out var key, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new SetKeyBlockedCommand(key, blocked, Caller), cancellationToken);
        return Answer(result, info => info);
    }

    private object Generated(GeneratedKey generated) =>
        Shape(generated.Info, ("key", generated.Key), ("token_id", generated.Info.Token));
}
