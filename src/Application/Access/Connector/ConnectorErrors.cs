using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.Connector;

/// <summary>The failures the Connector dialect's use cases share.</summary>
internal static class ConnectorErrors
{
    public static Error NotAdmin() => Error.Forbidden("Only an admin key may call the admin API.");

    public static Error KeyNotFound(long? id) => Error.NotFound("key_not_found", $"No api key has id {id}.");

    public static Error GroupNotFound(long? id) => Error.NotFound("group_not_found", $"No group has id {id}.");

    public static Error ModelNotFound(long? id) => Error.NotFound("model_not_found", $"No model has id {id}.");

    public static Error BotNotFound(long? id) => Error.NotFound("bot_not_found", $"No bot has id {id}.");
}
