package io.tickwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void rangesContainTheirAddressesOnly() throws Exception {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains(InetAddress.getByName("10.255.1.2"))).isTrue();
        assertThat(ten.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(ten.contains(InetAddress.getByName("::1"))).isFalse();
        Cidr odd = Cidr.parse("192.168.4.0/22");
        assertThat(odd.contains(InetAddress.getByName("192.168.7.255"))).isTrue();
        assertThat(odd.contains(InetAddress.getByName("192.168.8.0"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithoutAnyLookup() {
        assertThatThrownBy(() -> Cidr.parse("example.com")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length out of range");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("no valid prefix");
    }
}
