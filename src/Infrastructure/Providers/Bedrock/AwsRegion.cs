using System.Text.RegularExpressions;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>The shape of an AWS region name, such as <c>us-east-1</c>, <c>eu-central-2</c> or <c>us-gov-west-1</c>.</summary>
internal static partial class AwsRegion
{
    public static bool IsValid(string? region) => region is not null && Pattern().IsMatch(region);

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
