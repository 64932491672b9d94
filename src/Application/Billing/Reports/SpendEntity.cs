namespace LlmPlatform.Application.Billing.Reports;

/// <summary>What a <c>/spend/{entity}</c> report groups the spend by.</summary>
public enum SpendEntity
{
    Key,
    User,
    Team,
    Tag,
    Model,
    EndUser,
}
