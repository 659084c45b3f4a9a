using Xunit.Abstractions;
using Xunit.Sdk;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// A functional test that runs once per database provider: the abstract test class holds the
/// tests, and one subclass per provider runs them. On a machine without SQL Server (no
/// DEALPIPELINE_TEST_SQLSERVER, DEALPIPELINE_TEST_POSTGRES),
/// that subclass's tests are reported as skipped, never silently passed.
/// </summary>
[XunitTestCaseDiscoverer("DealPipeline.Api.Tests.Infrastructure.DbFactDiscoverer", "DealPipeline.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

/// <summary>Marks a test class whose tests run against SQL Server.</summary>
public interface IRunsOnSqlServer;

/// <summary>Marks a test class whose tests run against PostgreSQL.</summary>
public interface IRunsOnPostgres;

public sealed class DbFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var skip = typeof(IRunsOnSqlServer).IsAssignableFrom(type) && ServerDatabase.SqlServer.ConnectionString is null
            ? $"SQL Server tests need a connection string in {ServerDatabase.SqlServer.EnvironmentVariable}."
            : typeof(IRunsOnPostgres).IsAssignableFrom(type) && ServerDatabase.Postgres.ConnectionString is null
                ? $"PostgreSQL tests need a connection string in {ServerDatabase.Postgres.EnvironmentVariable} (.ci/run starts a cluster)."
                : null;
        yield return new DbTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}

public sealed class DbTestCase : XunitTestCase
{
    private string? _skip;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public DbTestCase()
    {
    }

    public DbTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string? skip)
        : base(sink, display, options, method)
    {
        _skip = skip;
        SkipReason = skip;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("DbSkip", _skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _skip = data.GetValue<string>("DbSkip");
        base.Deserialize(data);
        SkipReason = _skip;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => _skip;
}
