import { LoginSchema } from "@caio/core";
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { describeError } from "../../api/api-error";
import { type FieldErrors, zodFieldErrors } from "../../lib/form-errors";
import { useLogin, useMe } from "./auth-api";

const LABELS = { email: "Email", password: "Password" };

/** Only same-app paths are accepted as a place to return to after signing in. */
function safeNext(next: string | null): string | null {
  return next?.startsWith("/o/") ? next : null;
}

export function LoginPage() {
  useDocumentTitle("Sign in · caio");
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const next = safeNext(params.get("next"));

  if (me.data && !login.isPending) {
    const first = me.data.organizations[0];
    return <Navigate to={next ?? (first ? `/o/${first.slug}/systems` : "/")} replace />;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = LoginSchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, LABELS).fields);
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess: (data) => {
        const first = data.organizations[0];
        navigate(next ?? (first ? `/o/${first.slug}/systems` : "/"), { replace: true });
      },
    });
  };

  const failure = login.error?.status === 401 ? "Wrong email or password." : login.error ? describeError(login.error) : null;

  return (
    <Box component="main" bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="xs" mb="lg">
            <Text fw={800} fz={28} c="indigo.7" aria-hidden>
              caio
            </Text>
            <Title order={1} fz="xl">
              Sign in to caio
            </Title>
            <Text size="sm" c="dimmed">
              The inventory of your organization's AI systems, components and vendors.
            </Text>
          </Stack>
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              {failure && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
                  {failure}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
              <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
