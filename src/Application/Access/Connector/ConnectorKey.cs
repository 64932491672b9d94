namespace LlmPlatform.Application.Access.Connector;

/// <summary>
/// A key, which is also a user, with the Connector's field names. <see cref="ApiKey"/> is set only by apply and
/// reset-key: keys are stored as hashes, so no list or detail can show it again.
/// </summary>
public sealed record ConnectorKey
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary><c>admin</c> or <c>user</c>.</summary>
    public required string Role { get; init; }

    public long GroupId { get; init; }

    public string? GroupName { get; init; }

    /// <summary>USD a month; the key's budget resets monthly.</summary>
    public decimal MonthQuota { get; init; }

    /// <summary>USD recharged on top of the monthly quota.</summary>
    public decimal Balance { get; init; }

    /// <summary>What the key has spent in its current budget window, in USD.</summary>
    public decimal MonthFee { get; init; }

    public string? ApiKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static ConnectorKey Of(ConnectorKeyRecord record, string? apiKey = null) => new()
    {
        Id = record.Id,
        Name = record.Name,
        Email = record.Email,
        Role = record.UserRole == Authentication.Roles.ProxyAdmin ? ConnectorRoles.Admin : ConnectorRoles.User,
        GroupId = record.GroupId ?? 0,
        GroupName = record.GroupName,
        MonthQuota = record.MonthQuota,
        Balance = record.Balance,
        MonthFee = record.Spend,
        ApiKey = apiKey,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
    };
}
