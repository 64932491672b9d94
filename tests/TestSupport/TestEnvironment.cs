namespace LlmPlatform.TestSupport;

/// <summary>The PostgreSQL and Redis the build script started for the tests (<c>./build.sh --target=Test</c>).</summary>
public static class TestEnvironment
{
    public static string DatabaseUrl =>
        Environment.GetEnvironmentVariable("DATABASE_URL")
        ?? throw new InvalidOperationException("DATABASE_URL is not set: run the tests with ./build.sh --target=Test, which starts PostgreSQL and Redis.");

    public static string RedisUrl =>
        Environment.GetEnvironmentVariable("REDIS_URL")
        ?? throw new InvalidOperationException("REDIS_URL is not set: run the tests with ./build.sh --target=Test, which starts PostgreSQL and Redis.");
}
