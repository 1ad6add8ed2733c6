declare module '*.css?inline' {
  const css: string;
  export default css;
}
declare module '*.json?raw' {
  const text: string;
  export default text;
}
