namespace LlmPlatform.Infrastructure.Access;

/// <summary>Turns the UTC <see cref="DateTime"/> Npgsql reads from <c>timestamptz</c> into a <see cref="DateTimeOffset"/>.</summary>
internal static class Utc
{
    public static DateTimeOffset Of(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Of(DateTime? value) => value is { } v ? Of(v) : null;
}
