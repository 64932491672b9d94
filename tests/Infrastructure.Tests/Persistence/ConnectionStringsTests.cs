using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Persistence;

public sealed class ConnectionStringsTests
{
    [Test]
    public void ToNpgsql_PostgresqlUrl_ReadsEveryPart()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql("postgresql://user%40x:p%3Ass@db.example:6543/llm?sslmode=require"));

        builder.Host.Should().Be("db.example");
        builder.Port.Should().Be(6543);
        builder.Database.Should().Be("llm");
        builder.Username.Should().Be("user@x");
        builder.Password.Should().Be("p:ss");
        builder.SslMode.Should().Be(SslMode.Require);
    }

    [Test]
    public void ToNpgsql_PostgresSchemeWithoutPort_UsesDefaults()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql("postgres://u@localhost/"));
        builder.Port.Should().Be(5432);
        builder.Database.Should().Be("postgres");
    }

    [Test]
    public void ToNpgsql_NpgsqlConnectionString_PassesThrough()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql("Host=h;Port=1;Database=d;Username=u;Password=p"));
        builder.Host.Should().Be("h");
        builder.Database.Should().Be("d");
    }

    [Test]
    public void ToNpgsql_Garbage_Throws()
    {
        var act = () => ConnectionStrings.ToNpgsql("this is not a connection string");
        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Describe_NeverShowsThePassword()
    {
        ConnectionStrings.Describe("Host=h;Port=1;Database=d;Username=u;Password=secret").Should().NotContain("secret").And.Be("h:1/d");
    }
}
