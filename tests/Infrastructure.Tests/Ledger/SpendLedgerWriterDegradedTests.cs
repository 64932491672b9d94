using LlmPlatform.Infrastructure.Ledger;

namespace LlmPlatform.Infrastructure.Tests.Ledger;

public sealed class SpendLedgerWriterDegradedTests
{
    [Test]
    public void Degraded_KeepsWhatAccountingNeeds_AndDropsTheFreeTextExtras()
    {
        var row = UsageEvents.Chat("full-0", "key-hash", 1.25m, DateTimeOffset.UtcNow) with
        {
            KeyAlias = "alias",
            UserId = "user",
            TeamId = "team",
            OrganizationId = "org",
            EndUser = "end-user",
            ApiBase = "https://example.test",
            ErrorType = "timeout",
            Tags = ["tag"],
            FirstTokenTime = DateTimeOffset.UnixEpoch,
            CacheHit = true,
            Stream = true,
            Attempts = 3,
        };

        var degraded = SpendLedgerWriter.Degraded(row);

        degraded.Should().BeEquivalentTo(row, o => o
            .Excluding(r => r.KeyAlias).Excluding(r => r.EndUser).Excluding(r => r.ApiBase).Excluding(r => r.ErrorType).Excluding(r => r.Tags));
        (degraded.KeyAlias, degraded.EndUser, degraded.ApiBase, degraded.ErrorType, degraded.Tags).Should().Be((null, null, null, null, null));
    }
}
