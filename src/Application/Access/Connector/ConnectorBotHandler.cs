using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Connector;

/// <summary>
/// The Connector dialect's Feishu bot webhooks (seed 004): stored with their config encrypted at rest; every answer
/// masks the config's secrets (the app secret and the api key) to their last four characters.
/// </summary>
internal sealed class ConnectorBotHandler :
    IRequestHandler<SaveConnectorBotCommand, Result<ConnectorBot>>,
    IRequestHandler<DeleteConnectorBotCommand, Result<bool>>,
    IRequestHandler<ListConnectorBotsQuery, Result<ConnectorPage<ConnectorBot>>>
{
    private static readonly string[] SecretFields = ["appSecret", "apiKey", "app_secret", "api_key", "encryptKey", "verificationToken"];

    private readonly IConnectorStore _store;
    private readonly TimeProvider _time;

    public ConnectorBotHandler(IConnectorStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public async Task<Result<ConnectorBot>> Handle(SaveConnectorBotCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        if (request.Id is { } id && await _store.FindBotAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ConnectorErrors.BotNotFound(id);
        }

        var saved = await _store.SaveBotAsync(request.Id, request.Name!, request.Provider!, request.Config!, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return saved.Map(Masked);
    }

    public async Task<Result<bool>> Handle(DeleteConnectorBotCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        return await _store.DeleteBotAsync(request.Id!.Value, cancellationToken).ConfigureAwait(false)
            ? true
            : ConnectorErrors.BotNotFound(request.Id);
    }

    public async Task<Result<ConnectorPage<ConnectorBot>>> Handle(ListConnectorBotsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var page = await _store.ListBotsAsync(request.Paging, cancellationToken).ConfigureAwait(false);
        return page with { Items = page.Items.Select(Masked).ToList() };
    }

    private static ConnectorBot Masked(ConnectorBot bot)
    {
        JsonObject? config;
        try
        {
            config = JsonNode.Parse(bot.Config) as JsonObject;
        }
        catch (JsonException)
        {
            config = null;
        }

        if (config is null)
        {
            return bot with { Config = "{}" };
        }

        foreach (var field in SecretFields)
        {
            if (config[field] is JsonValue value && value.TryGetValue<string>(out var secret))
            {
                config[field] = secret.Length > 8 ? "****" + secret[^4..] : "****";
            }
        }

        return bot with { Config = config.ToJsonString() };
    }
}
