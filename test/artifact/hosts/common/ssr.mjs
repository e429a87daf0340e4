// Renders each kit component with react-dom/server in plain Node — no DOM, no bundler — from this host's install,
// and prints one JSON line per component. `--phone` adds the phone entry's components.
import React from 'react';
import server from 'react-dom/server';

const kit = await import('matrix-threepid-kit');
const phone = process.argv.includes('--phone') ? await import('matrix-threepid-kit/phone') : undefined;
// Rendering sends nothing: effects never run on the server, so any request would be a bug worth seeing.
const client = kit.createThreepidClient({
  baseUrl: 'http://127.0.0.1:9',
  fetch: () => Promise.reject(new Error('a request during server rendering')),
});

const components = {
  AddEmailFlow: () => React.createElement(kit.AddEmailFlow, {}),
  'ResetPasswordFlow email': () => React.createElement(kit.ResetPasswordFlow, { media: ['email'] }),
};
if (phone) {
  components.AddPhoneFlow = () => React.createElement(phone.AddPhoneFlow, {});
  components['ResetPasswordFlow email+phone'] = () =>
    React.createElement(kit.ResetPasswordFlow, { media: ['email', 'msisdn'], phoneForm: phone.phoneForm });
}

for (const [name, element] of Object.entries(components)) {
  try {
    const html = server.renderToString(React.createElement(kit.ThreepidProvider, { client }, element()));
    console.log(JSON.stringify({ name, html }));
  } catch (error) {
    console.log(JSON.stringify({ name, error: error instanceof Error ? error.message : String(error) }));
  }
}
