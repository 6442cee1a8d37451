# readaloud on Debian 12, for running publish shards on a cluster
# (docs/cluster.md). Build: docker build -t readaloud .
FROM debian:12

WORKDIR /usr/src/readaloud
COPY . .

# The packages of scripts/setup.sh, the program and its M4B module (found
# beside the binary, through the symlink's target), then the build tree goes.
RUN scripts/setup.sh \
 && READALOUD_TARGET=readaloud scripts/build.sh \
 && install -d /opt/readaloud \
 && install -m 0755 build/readaloud /opt/readaloud/readaloud \
 && install -m 0644 build/libreadaloud_m4b.so /opt/readaloud/libreadaloud_m4b.so \
 && ln -s /opt/readaloud/readaloud /usr/local/bin/readaloud \
 && rm -rf build /root/.cache /var/lib/apt/lists/* \
 && readaloud --version

RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --shell /usr/sbin/nologin readaloud
USER 10001:10001
WORKDIR /data
ENTRYPOINT ["readaloud"]
CMD ["--help"]
