using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.Connector;

/// <summary>
/// The Connector dialect's read side and its own rows: integer ids of keys, teams and model deployments, recharges
/// (payments) and Feishu bots (their config encrypted at rest). Keys, users and teams change through their commands.
/// </summary>
public interface IConnectorStore
{
    Task<ConnectorKeyRecord?> FindKeyAsync(long id, CancellationToken cancellationToken);

    Task<ConnectorKeyRecord?> FindKeyByTokenAsync(string token, CancellationToken cancellationToken);

    Task<ConnectorPage<ConnectorKeyRecord>> ListKeysAsync(ConnectorKeyFilter filter, CancellationToken cancellationToken);

    Task<int> CountKeysOfTeamAsync(string teamId, CancellationToken cancellationToken);

    Task<ConnectorGroup?> FindGroupAsync(long id, CancellationToken cancellationToken);

    Task<ConnectorGroup?> FindGroupByTeamAsync(string teamId, CancellationToken cancellationToken);

    Task<ConnectorPage<ConnectorGroup>> ListGroupsAsync(ConnectorPaging paging, CancellationToken cancellationToken);

    /// <summary>The integer ids of stored model deployments by model name (the first one of a name).</summary>
    Task<IReadOnlyDictionary<string, long>> ModelIdsByNameAsync(CancellationToken cancellationToken);

    /// <summary>The model name of a stored deployment, or null.</summary>
    Task<string?> ModelNameAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Records a recharge and raises the key's budget by it, in one transaction with the key's row locked: the balance
    /// is the sum of the key's payments, and the budget its month quota plus that. Answers the key's hash and its new
    /// balance; null when no key has that id.
    /// </summary>
    Task<(string Token, decimal Balance)?> RechargeAsync(long keyId, decimal fee, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ConnectorPage<ConnectorPayment>> ListPaymentsAsync(long? keyId, ConnectorPaging paging, CancellationToken cancellationToken);

    /// <summary>Encrypts the config and stores the bot; without an encryption key nothing is stored.</summary>
    Task<Result<ConnectorBot>> SaveBotAsync(long? id, string name, string provider, string config, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ConnectorBot?> FindBotAsync(long id, CancellationToken cancellationToken);

    Task<bool> DeleteBotAsync(long id, CancellationToken cancellationToken);

    Task<ConnectorPage<ConnectorBot>> ListBotsAsync(ConnectorPaging paging, CancellationToken cancellationToken);
}
