using LlmPlatform.Application.Jobs;

namespace LlmPlatform.Application.Tests.Jobs;

public sealed class ListPageTests
{
    private static ListPage<string> Page(int rows, int limit) =>
        ListPage<string>.Of(Enumerable.Range(1, rows).ToList(), limit, r => "id" + r, r => "item" + r);

    [Test]
    public void RowsPastTheLimit_AreCutAndSayThereIsMore()
    {
        var page = Page(rows: 4, limit: 3);

        page.Data.Should().Equal("item1", "item2", "item3");
        page.FirstId.Should().Be("id1");
        page.LastId.Should().Be("id3");
        page.HasMore.Should().BeTrue();
    }

    [Test]
    public void RowsWithinTheLimit_AreTheWholePage()
    {
        var page = Page(rows: 2, limit: 3);

        page.Data.Should().Equal("item1", "item2");
        page.LastId.Should().Be("id2");
        page.HasMore.Should().BeFalse();
    }

    [Test]
    public void NoRows_IsAnEmptyPageWithoutIds()
    {
        var page = Page(rows: 0, limit: 3);

        page.Data.Should().BeEmpty();
        page.FirstId.Should().BeNull();
        page.LastId.Should().BeNull();
        page.HasMore.Should().BeFalse();
    }
}
