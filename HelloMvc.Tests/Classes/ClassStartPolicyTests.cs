using HelloMvc.Web.Classes;

namespace HelloMvc.Tests.Classes;

public class ClassStartPolicyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Starts_are_counted_per_IPv4_address_and_per_IPv6_64(string address, string partition) =>
        Assert.Equal(partition, ClassStartPolicy.AddressOf(System.Net.IPAddress.Parse(address)));
}
