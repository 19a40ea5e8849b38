namespace HelloMvc.Tests.Cluster;

/// <summary>
/// The programs the cluster tests run (redis-server and nginx, Debian's packages of the same names). Without one
/// a test skips and names the package; with HELLOMVC_REQUIRE_SERVICES=1 (CI sets it) it fails instead.
/// </summary>
public static class RequiredPrograms
{
    public const string RequireServicesVariable = "HELLOMVC_REQUIRE_SERVICES";

    private static readonly string[] SearchPath =
        [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries), "/usr/sbin", "/usr/local/sbin", "/sbin"];

    /// <summary>The program's path, also in the sbin folders a non-root PATH may lack; null when it is not installed.</summary>
    public static string? Find(string program) =>
        SearchPath.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    /// <summary>A sentence naming the programs that are not installed and their packages, or null when all are.</summary>
    public static string? Missing(string who, params string[] programs)
    {
        var missing = programs.Where(program => Find(program) is null).ToList();
        return missing.Count == 0
            ? null
            : string.Join(" and ", missing.Select(program => $"`{program}` is not installed (Debian's package: apt-get install {program})"))
              + $": {who} need it.";
    }

    /// <summary>Call first in the test: skips with <paramref name="missing"/> (or fails, under HELLOMVC_REQUIRE_SERVICES=1); nothing when null.</summary>
    public static void Require(string? missing)
    {
        if (missing is null) return;
        if (Environment.GetEnvironmentVariable(RequireServicesVariable) == "1")
            Assert.Fail($"{RequireServicesVariable}=1 but {missing}");
        Assert.Skip(missing);
    }
}
