// Side-effect style imports (vite bundles them into the page's CSS file); they export nothing.
declare module '*.css';
